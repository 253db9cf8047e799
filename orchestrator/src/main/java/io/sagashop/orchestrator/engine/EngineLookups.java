package io.sagashop.orchestrator.engine;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda looks two things up through {@link java.util.ServiceLoader} while it runs, not once at
 * start, and each look reads every jar of the application for a service file. Profiled under the
 * benchmark's crowd (docs/performance.md), the two took about a seventh of the orchestrator's CPU:
 * <ul>
 *   <li>its REST API (the engine REST API and the webapps' own, which Tasklist and Cockpit call)
 *   finds its process engine that way on every request, and again for each resource it creates
 *   ({@code EngineUtil.lookupProcessEngine}): those requests run with a context class loader that
 *   reads the service files once ({@link ServiceFilesOnce});</li>
 *   <li>every timer's due date and every retry cycle is parsed by a new JAXP
 *   {@link DatatypeFactory}, which is looked for among the service files unless a system property
 *   names it: the engine names the JDK's own, the one the look finds here anyway.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineLookups {

  @Bean
  FilterRegistrationBean<Filter> serviceFilesReadOnce(CamundaBpmProperties camunda) {
    var registration = new FilterRegistrationBean<Filter>(new ServiceFilesReadOnce());
    registration.setName("service-files-read-once");
    registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/*");
    // around Camunda's own authentication filters, which look the engine up too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  JdkDatatypeFactory jdkDatatypeFactory() {
    return new JdkDatatypeFactory();
  }

  /** Names the JDK's {@link DatatypeFactory} before the engine starts, unless the JVM was told another. */
  static final class JdkDatatypeFactory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
      }
    }
  }

  /** Runs a request with a context class loader that remembers the service files of the one it had. */
  static final class ServiceFilesReadOnce implements Filter {

    private final Map<ClassLoader, ServiceFilesOnce> loaders = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
      Thread thread = Thread.currentThread();
      ClassLoader original = thread.getContextClassLoader();
      thread.setContextClassLoader(original == null ? null : loaders.computeIfAbsent(original, ServiceFilesOnce::new));
      try {
        chain.doFilter(request, response);
      } finally {
        thread.setContextClassLoader(original);
      }
    }
  }
}
