package io.sagashop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox's @Async sends run one after the other on a thread of their own, in the order they
 * were handed over, while Spring Boot's application executor keeps its defaults (before, the whole
 * application's executor was forced to one thread to get this).
 */
class OutboxExecutorTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      // with Boot's task execution, whose own AsyncConfigurer must step aside (the services' tests have the real order)
      .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, OutboxExecutorAutoConfiguration.class))
      .withUserConfiguration(Sends.class);

  @Configuration(proxyBeanMethods = false)
  @EnableAsync
  static class Sends {

    @Bean
    Sender sender() {
      return new Sender();
    }
  }

  /** Stands for Modulith's externalizer: an @Async listener that sends one event. */
  static class Sender {

    private final List<String> sent = new CopyOnWriteArrayList<>();

    public List<String> sent() {
      return sent;
    }

    @Async
    public CompletableFuture<Void> send(int event) {
      sent.add(event + "@" + Thread.currentThread().getName());
      return CompletableFuture.completedFuture(null);
    }
  }

  @Test
  void sendsOnOneThreadOfItsOwnInTheOrderHandedOver() {
    context.run(app -> {
      Sender sender = app.getBean(Sender.class);

      List<CompletableFuture<Void>> sends = IntStream.range(0, 200).mapToObj(sender::send).toList();
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

      assertThat(sender.sent()).containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> i + "@outbox-1").toList());
    });
  }

  @Test
  void isTheOnlyAsyncConfigurer() {
    context.run(app -> assertThat(app).hasSingleBean(AsyncConfigurer.class).hasSingleBean(OutboxExecutor.class));
  }

  @Test
  void leavesTheApplicationsExecutorAtSpringBootsDefaults() {
    context.run(app -> {
      ThreadPoolTaskExecutor application = app.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);

      assertThat(application.getCorePoolSize()).isEqualTo(8);
      assertThat(application.getThreadNamePrefix()).isEqualTo("task-");
    });
  }
}
