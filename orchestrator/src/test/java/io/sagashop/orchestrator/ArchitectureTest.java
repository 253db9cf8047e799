package io.sagashop.orchestrator;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.sagashop.testsupport.ArchitectureRules;

/** The shape of the orchestrator, checked on its main classes (the rules every service keeps). */
@AnalyzeClasses(packages = "io.sagashop.orchestrator", importOptions = ArchitectureRules.MainClasses.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests shape = ArchTests.in(ArchitectureRules.class);
}
