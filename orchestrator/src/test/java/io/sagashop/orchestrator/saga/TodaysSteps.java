package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** The orchestrator's steps as the process tests' engine sees them, found as Spring would find them. */
public final class TodaysSteps {

  private TodaysSteps() {}

  /**
   * Today's orchestrator's steps under the names the model uses ({@code ${requestBankTransfer}}): every
   * {@code @Component} of the orchestrator that is a JavaDelegate, ExecutionListener or TaskListener,
   * each a stand-in (a step throws the error {@code nextError} holds, once), and the real timers.
   */
  public static void register(ThreadLocal<String> nextError) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    scanner.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
    scanner.addIncludeFilter(new AssignableTypeFilter(ExecutionListener.class));
    scanner.addIncludeFilter(new AssignableTypeFilter(TaskListener.class));
    TreeMap<String, Object> steps = new TreeMap<>();
    AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    for (BeanDefinition bean : scanner.findCandidateComponents("io.sagashop.orchestrator")) {
      Class<?> type = classOf(bean);
      if (!JavaDelegate.class.isAssignableFrom(type) && !ExecutionListener.class.isAssignableFrom(type) && !TaskListener.class.isAssignableFrom(type)) {
        continue;
      }
      String name = names.generateBeanName(bean, registry);
      if (JavaDelegate.class.isAssignableFrom(type)) {
        steps.put(name, (JavaDelegate) execution -> {
          String error = nextError.get();
          if (error != null) {
            nextError.remove();
            throw new BpmnError(error);
          }
        });
      } else if (ExecutionListener.class.isAssignableFrom(type)) {
        steps.put(name, (ExecutionListener) execution -> { });
      } else {
        steps.put(name, (TaskListener) task -> { });
      }
    }
    assertThat(steps).as("today's steps").containsKeys("requestBankTransfer", "decreaseStock", "closeOrder", "inboxDelivery");
    steps.forEach(Mocks::register);
    Mocks.register("sagaTimers", new SagaTimers(new SagaDeadlines(Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), "PT1M")));
  }

  private static Class<?> classOf(BeanDefinition bean) {
    try {
      return Class.forName(bean.getBeanClassName());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

}
