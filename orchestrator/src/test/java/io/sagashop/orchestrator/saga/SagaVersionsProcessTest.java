package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every version of the saga that orders may still be open on, run against today's code: the version
 * being built (bpmn/order-saga.bpmn) and every released one kept in bpmn/released/&lt;n&gt;/ (see
 * docs/saga.md, "When the saga changes"). Each is deployed alone on the in-memory engine with the steps
 * today's orchestrator has (its delegate and listener beans, found by their {@code @Component} names,
 * as test doubles; its real timers), and {@link SagaPaths} walks every path from a placed order to
 * its end. A version that names a step, a listener, a timer property or a message today's code no
 * longer has fails here, before the build ships.
 */
class SagaVersionsProcessTest {

  /** The process tests' in-memory engine (see OrderSagaProcessTest). */
  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().configurationResource("order-saga-process-test.cfg.xml").build();

  private static final Logger log = LoggerFactory.getLogger(SagaVersionsProcessTest.class);

  /** The error the next step throws, set by the walk before it runs a job. */
  private static final ThreadLocal<String> NEXT_ERROR = new ThreadLocal<>();

  private final List<String> deployments = new ArrayList<>();

  /** The version being built, then each released one, newest first. */
  static Stream<String> versions() {
    List<String> versions = new ArrayList<>(List.of("bpmn"));
    try {
      Resource[] released = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/released/*/order-saga.bpmn");
      Arrays.stream(released)
          .map(resource -> "bpmn/released/" + releaseOf(resource))
          .sorted((a, b) -> Integer.compare(Integer.parseInt(b.substring(b.lastIndexOf('/') + 1)), Integer.parseInt(a.substring(a.lastIndexOf('/') + 1))))
          .forEach(versions::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions.stream();
  }

  @AfterEach
  void removeTheVersion() {
    // skipping the listeners: a path that failed leaves its saga where no activity runs
    deployments.forEach(id -> engine.getProcessEngine().getRepositoryService().deleteDeployment(id, true, true));
    Mocks.reset();
  }

  @Test
  void shouldShipTheVersionBeingBuiltAsTheNewestRelease() {
    List<String> versions = versions().toList();
    assertThat(versions).as("the version being built and at least the first release").hasSizeGreaterThanOrEqualTo(2);
    // every build of main may ship: a changed saga is a release, kept for the orders that start on it
    String newest = versions.get(1);
    for (String file : List.of("order-saga.bpmn", "confirm-deposit.form")) {
      assertThat(bytes("bpmn/" + file))
          .as("bpmn/%s differs from %s/%s: copy it and its form to bpmn/released/%d/ (docs/saga.md, \"When the saga changes\")",
              file, newest, file, Integer.parseInt(newest.substring(newest.lastIndexOf('/') + 1)) + 1)
          .isEqualTo(bytes(newest + "/" + file));
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void shouldEndEveryPathOfTheVersionWithTodaysCode(String version) {
    ProcessEngine processEngine = engine.getProcessEngine();
    TodaysSteps.register(NEXT_ERROR);
    Deployment deployment = processEngine.getRepositoryService().createDeployment()
        .name("order-saga from " + version)
        .addClasspathResource(version + "/order-saga.bpmn")
        .addClasspathResource(version + "/confirm-deposit.form")
        .deploy();
    deployments.add(deployment.getId());
    BpmnModelInstance model = model(version + "/order-saga.bpmn");
    Set<String> sent = Arrays.stream(SagaMessage.values()).map(Enum::name).collect(Collectors.toSet());

    SagaPaths paths = new SagaPaths(processEngine, model, sent, NEXT_ERROR::set);
    List<String> findings = paths.walk();

    assertThat(findings).as("paths of %s that do not end with today's code", version).isEmpty();
    // and the walk went everywhere: every flow node of the version was passed on some path (but the
    // compensation boundary events, which only link a step to its undoing and no token passes)
    Set<String> passed = processEngine.getHistoryService().createHistoricActivityInstanceQuery()
        .processDefinitionId(processEngine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId())
        .list().stream().map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
    Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> !(node instanceof BoundaryEvent boundary && !boundary.getChildElementsByType(CompensateEventDefinition.class).isEmpty()))
        .map(FlowNode::getId).collect(Collectors.toSet());
    assertThat(passed).as("flow nodes of %s passed by the %d paths", version, paths.ended().size()).containsAll(nodes);
    log.info("{}: {} paths, each to its end", version, paths.ended().size());
  }

  @Test
  void shouldFindAReleasedVersionThatNamesAStepTodaysCodeRenamed() {
    ProcessEngine processEngine = engine.getProcessEngine();
    TodaysSteps.register(NEXT_ERROR);
    // today's code renamed "Request delivery"'s bean, and no migration moved the sagas of the release
    Mocks.getMocks().remove("requestDelivery");
    String released = versions().toList().get(1);
    deployments.add(processEngine.getRepositoryService().createDeployment().name("order-saga from " + released)
        .addClasspathResource(released + "/order-saga.bpmn").addClasspathResource(released + "/confirm-deposit.form").deploy().getId());
    Set<String> sent = Arrays.stream(SagaMessage.values()).map(Enum::name).collect(Collectors.toSet());

    List<String> findings = new SagaPaths(processEngine, model(released + "/order-saga.bpmn"), sent, NEXT_ERROR::set).walk();

    assertThat(findings).isNotEmpty().anySatisfy(finding -> assertThat(finding).contains("requestDelivery"));
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = SagaVersionsProcessTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BpmnModelInstance model(String resource) {
    try (InputStream bpmn = SagaVersionsProcessTest.class.getClassLoader().getResourceAsStream(resource)) {
      return Bpmn.readModelFromStream(bpmn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String releaseOf(Resource resource) {
    try {
      String url = resource.getURL().toString();
      String directory = url.substring(0, url.lastIndexOf('/'));
      return directory.substring(directory.lastIndexOf('/') + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
