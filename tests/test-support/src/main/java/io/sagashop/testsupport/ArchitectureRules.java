package io.sagashop.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape every service keeps, as rules a service's {@code ArchitectureTest} runs on its own
 * main classes ({@code @ArchTest static final ArchTests shape = ArchTests.in(ArchitectureRules.class)}).
 * A service is {@code io.sagashop.<service>}, packaged by feature ({@code io.sagashop.<service>.<feature>}).
 */
public final class ArchitectureRules {

  private static final Pattern SERVICE = Pattern.compile("io\\.sagashop\\.([a-z]+)(\\..*)?");
  private static final Pattern CONTRACT = Pattern.compile("io\\.sagashop\\.[a-z]+\\.contract(\\..*)?");
  private static final String PLATFORM = "platform";
  private static final String PERSISTABLE = "org.springframework.data.domain.Persistable";

  private ArchitectureRules() {}

  /**
   * A service's main classes, wherever its build puts them: ArchUnit's own {@code DoNotIncludeTests}
   * knows only {@code target/test-classes}, and the orchestrator's Operaton build has a directory
   * of its own ({@code target/operaton/test-classes}).
   */
  public static final class MainClasses implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/");
    }
  }

  /** Features may use one another, but never in a circle: each can be read (and moved) on its own. */
  @ArchTest
  public static final ArchRule featuresFreeOfCycles =
      slices().matching("io.sagashop.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles();

  /**
   * A service talks to another only through its API and events, typed by that service's contract
   * module ({@code io.sagashop.<service>.contract}), never through its classes; what they all share
   * is the platform.
   */
  @ArchTest
  public static final ArchRule staysInsideItsService =
      classes().that().resideInAPackage("io.sagashop..").should(dependOnlyOnTheirOwnServiceAndThePlatform())
          .because("services share only the platform; another service is reached over its API and its events, as its contract types them");

  /**
   * The aggregates are plain rules on their fields: no framework but the mapping to their table
   * (Spring Data's {@code Persistable} is part of that mapping: it tells an insert from a merge).
   * The platform and the orchestrator keep no aggregates of their own.
   */
  @ArchTest
  public static final ArchRule entitiesFreeOfSpringAndCamunda =
      noClasses().that().areAnnotatedWith("jakarta.persistence.Entity")
          .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.camunda..", "org.operaton..").and(not(name(PERSISTABLE))))
          .because("an order's, a payment's or a product's rules are tested and read without a framework")
          .allowEmptyShould(true);

  /**
   * A contract is read by both sides, whatever framework each uses: plain types and their
   * validation constraints, nothing else.
   */
  @ArchTest
  public static final ArchRule contractsFreeOfFrameworks =
      classes().that().resideInAPackage("io.sagashop.*.contract..")
          .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.validation..", "io.sagashop.*.contract..")
          .because("the consumer of a contract must not inherit its producer's stack")
          .allowEmptyShould(true);

  /** Only the orchestrator runs the saga; a service reached by it knows nothing of the engine. */
  public static final ArchRule freeOfTheEngine =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..")
          .because("the services are called by the saga's steps and publish events; the orchestrator alone knows the process");

  private static ArchCondition<JavaClass> dependOnlyOnTheirOwnServiceAndThePlatform() {
    return new ArchCondition<>("depend only on their own service, the platform and other services' contracts") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> own = serviceOf(origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Optional<String> target = serviceOf(dependency.getTargetClass());
          boolean contract = CONTRACT.matcher(dependency.getTargetClass().getPackageName()).matches();
          if (own.isPresent() && target.isPresent() && !target.get().equals(own.get()) && !target.get().equals(PLATFORM) && !contract) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static Optional<String> serviceOf(JavaClass javaClass) {
    Matcher matcher = SERVICE.matcher(javaClass.getPackageName());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
