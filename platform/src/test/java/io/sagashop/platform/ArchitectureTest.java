package io.sagashop.platform;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.sagashop.testsupport.ArchitectureRules;

/** The shape of the platform, checked on its main classes (the rules every service keeps). */
@AnalyzeClasses(packages = "io.sagashop.platform", importOptions = ArchitectureRules.MainClasses.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests shape = ArchTests.in(ArchitectureRules.class);

  @ArchTest
  static final ArchRule freeOfTheEngine = ArchitectureRules.freeOfTheEngine;
}
