package io.sagashop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service's web layer alone: its controllers, its {@code EndpointRules} (import them) and the
 * platform's problem answers and security (the platform registers both with the slice), tokens
 * checked against {@link TestIdentity}; no database, no broker. The controllers' collaborators are
 * the test's mocks. In the fast tier.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest
@ContextConfiguration(initializers = TestIdentityInitializer.class)
public @interface ServiceWebSlice {}
