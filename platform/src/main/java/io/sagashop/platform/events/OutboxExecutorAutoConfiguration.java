package io.sagashop.platform.events;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link OutboxExecutor} before Spring Boot's task execution, whose own
 * {@code AsyncConfigurer} then steps aside (two of them make every {@code @Async} call fail, and
 * with it every event the outbox should send).
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
public class OutboxExecutorAutoConfiguration {

  @Bean
  OutboxExecutor outboxExecutor() {
    return new OutboxExecutor();
  }
}
