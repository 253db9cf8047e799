package io.sagashop.order;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.sagashop.testsupport.ArchitectureRules;

/** The shape of the Order service, checked on its main classes (the rules every service keeps). */
@AnalyzeClasses(packages = "io.sagashop.order", importOptions = ArchitectureRules.MainClasses.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests shape = ArchTests.in(ArchitectureRules.class);

  @ArchTest
  static final ArchRule freeOfTheEngine = ArchitectureRules.freeOfTheEngine;
}
