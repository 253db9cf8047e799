package io.sagashop.orchestrator.saga;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The versions of the saga whose jobs this orchestrator runs: the one it deploys (bpmn/order-saga.bpmn)
 * and the released ones it carries (bpmn/released/&lt;n&gt;/), which SagaVersionsProcessTest walks
 * against this build's code; a deployed version counts as one of them when its BPMN is the same, byte
 * for byte. The job executor is deployment-aware ({@code camunda.bpm.job-execution.deployment-aware}):
 * it takes only jobs of the deployments registered here (and jobs of no deployment, such as the history
 * cleanup). So in a rolling upgrade an old orchestrator leaves the jobs of the new version to the new
 * orchestrators, and a new one keeps running the versions that still have open orders. A version this
 * build does not know (deployed through the engine's API, or by a newer build) is not run here and is
 * logged at start.
 */
@Component
public class SagaVersions {

  private static final Logger log = LoggerFactory.getLogger(SagaVersions.class);
  static final String PROCESS = "order-saga";
  private static final String KNOWN = "classpath*:bpmn/order-saga.bpmn";
  private static final String RELEASED = "classpath*:bpmn/released/*/order-saga.bpmn";

  private final RepositoryService repository;
  private final ManagementService management;

  SagaVersions(RepositoryService repository, ManagementService management) {
    this.repository = repository;
    this.management = management;
  }

  /** Registers with the job executor exactly the deployments of the versions this build knows. */
  @EventListener(ApplicationReadyEvent.class)
  public void registerKnownVersions() {
    Set<String> known = knownModels();
    Set<String> run = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).list()) {
      String deployment = definition.getDeploymentId();
      String named = deployment + " (version " + definition.getVersion() + ")";
      if (known.contains(sha256(repository.getResourceAsStream(deployment, definition.getResourceName())))) {
        management.registerDeploymentForJobExecutor(deployment);
        run.add(named);
      } else {
        management.unregisterDeploymentForJobExecutor(deployment);
        unknown.add(named);
      }
    }
    log.info("The job executor runs the saga's deployments {}", run);
    if (!unknown.isEmpty()) {
      log.warn("Deployments of the saga this build does not know, whose jobs it leaves to a build that does: {}", unknown);
    }
  }

  /**
   * The saga as this build deployed it: the newest deployed version whose BPMN is bpmn/order-saga.bpmn,
   * the version open sagas of older versions are migrated to.
   */
  public ProcessDefinition thisBuildsVersion() {
    Set<String> built = models(KNOWN);
    return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).orderByProcessDefinitionVersion().desc().list().stream()
        .filter(definition -> built.contains(sha256(repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName()))))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The saga this build deploys (bpmn/order-saga.bpmn) is not deployed"));
  }

  /** The SHA-256 of the version being built and of every released version in the jar. */
  private static Set<String> knownModels() {
    return models(KNOWN, RELEASED);
  }

  private static Set<String> models(String... patterns) {
    Set<String> hashes = new HashSet<>();
    try {
      PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
      for (String pattern : patterns) {
        for (Resource model : resources.getResources(pattern)) {
          hashes.add(sha256(model.getInputStream()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hashes;
  }

  private static String sha256(InputStream content) {
    try (InputStream in = content) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
