package io.sagashop.platform.events;

import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox's own thread. Spring Modulith sends each committed event to Kafka from an
 * {@code @Async} listener; one thread sends them in commit order, so one order's events reach its
 * partition in the order they happened (a republished event can still come late; consumers never
 * rely on order alone). It is the executor of {@code @Async}, not a bean of type {@link Executor},
 * so Spring Boot's application executor keeps its own defaults for everything else.
 */
class OutboxExecutor implements AsyncConfigurer, DisposableBean {

  static final String THREAD_NAME_PREFIX = "outbox-";
  /** On shutdown, the events already handed over are sent; what is left is republished at the next start. */
  private static final int AWAIT_TERMINATION_SECONDS = 10;
  private static final Logger log = LoggerFactory.getLogger(OutboxExecutor.class);

  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

  OutboxExecutor() {
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix(THREAD_NAME_PREFIX);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(AWAIT_TERMINATION_SECONDS);
    executor.initialize();
  }

  @Override
  public Executor getAsyncExecutor() {
    return executor;
  }

  @Override
  public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
    // the publication stays incomplete in event_publication and is sent again (outbox metrics show it)
    return (failure, method, arguments) -> log.warn("Sending an event failed in {}; it stays in the outbox", method.getName(), failure);
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
