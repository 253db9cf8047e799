package io.sagashop.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The same problem+json answers to bad input in every service. Runs before Spring MVC's own
 * auto-configuration, whose default problem-details handler then steps aside.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {}
