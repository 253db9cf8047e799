package io.sagashop.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What Camunda looks up through ServiceLoader while it runs is read from the jars once, not at every request or timer. */
class EngineLookupsTest {

  private final Thread thread = Thread.currentThread();
  private final ClassLoader before = thread.getContextClassLoader();
  private final Counting jars = new Counting(before);

  @AfterEach
  void restore() {
    thread.setContextClassLoader(before);
  }

  @Test
  void shouldReadTheEngineRestApisServiceFileOnceForAllRequests() throws Exception {
    EngineLookups.ServiceFilesReadOnce filter = new EngineLookups.ServiceFilesReadOnce();
    thread.setContextClassLoader(jars);
    List<String> providers = new ArrayList<>();
    AtomicReference<ClassLoader> duringRequest = new AtomicReference<>();
    FilterChain engineRest = (request, response) -> {
      // what EngineUtil.lookupProcessEngine does, once in the authentication filter and once for the resource
      providers.add(ServiceLoader.load(ProcessEngineProvider.class).iterator().next().getClass().getName());
      ServiceLoader.load(ProcessEngineProvider.class).iterator().next();
      duringRequest.set(Thread.currentThread().getContextClassLoader());
    };

    for (int request = 0; request < 3; request++) {
      filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), engineRest);
    }

    assertThat(providers).hasSize(3).allMatch(name -> name.endsWith("ProcessEngineProvider"));
    assertThat(jars.lookedFor("META-INF/services/" + ProcessEngineProvider.class.getName())).isEqualTo(1);
    assertThat(duringRequest.get()).isNotSameAs(jars).extracting(ClassLoader::getParent).isSameAs(jars);
    assertThat(thread.getContextClassLoader()).as("the thread's own class loader after the request").isSameAs(jars);
  }

  @Test
  void shouldLeaveEveryOtherResourceToTheClassLoaderItHad() throws IOException {
    ServiceFilesOnce once = new ServiceFilesOnce(jars);

    once.getResources("db/camunda/sagashop-indexes.sql");
    once.getResources("db/camunda/sagashop-indexes.sql");

    assertThat(jars.lookedFor("db/camunda/sagashop-indexes.sql")).isEqualTo(2);
    assertThat(Collections.list(once.getResources("db/camunda/sagashop-indexes.sql"))).isNotEmpty();
  }

  @Test
  void shouldParseTimersWithoutLookingForADatatypeFactoryInTheJars() throws Exception {
    new EngineLookups.JdkDatatypeFactory().preInit(null);
    thread.setContextClassLoader(jars);

    new DurationHelper("PT5S").getDateAfter();
    new DurationHelper("P3D").getDateAfter();

    assertThat(jars.lookedFor("META-INF/services/" + DatatypeFactory.class.getName())).isZero();
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }

  /** The application's class loader, counting how often each resource is looked for. */
  private static final class Counting extends ClassLoader {

    private final List<String> looks = Collections.synchronizedList(new ArrayList<>());

    Counting(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      looks.add(name);
      return super.getResources(name);
    }

    long lookedFor(String name) {
      return looks.stream().filter(name::equals).count();
    }
  }
}
