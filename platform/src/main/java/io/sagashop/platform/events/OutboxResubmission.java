package io.sagashop.platform.events;

import java.time.Instant;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Sends again what the broker did not take, while the service keeps running (a restart
 * republishes as well). On a scheduler thread of its own, so that the platform does not switch on
 * {@code @Scheduled} for a whole service: a service that schedules work of its own says so with
 * {@code @EnableScheduling} on its application class.
 */
class OutboxResubmission implements InitializingBean, DisposableBean {

  private final IncompleteEventPublications publications;
  private final EventsProperties properties;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

  OutboxResubmission(IncompleteEventPublications publications, EventsProperties properties) {
    this.publications = publications;
    this.properties = properties;
    scheduler.setThreadNamePrefix("outbox-resubmission-");
  }

  @Override
  public void afterPropertiesSet() {
    scheduler.initialize();
    scheduler.scheduleWithFixedDelay(this::resubmit, Instant.now().plus(properties.resubmitAfter()), properties.resubmitAfter());
  }

  void resubmit() {
    publications.resubmitIncompletePublicationsOlderThan(properties.resubmitAfter());
  }

  @Override
  public void destroy() {
    scheduler.shutdown();
  }
}
