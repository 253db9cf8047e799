package io.sagashop.platform.events;

import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.IncompleteEventPublications;

class OutboxResubmissionTest {

  @Test
  void shouldSendAgainWhatStayedUnsentOverAndOverWithoutTheServiceSwitchingOnScheduling() {
    IncompleteEventPublications publications = mock(IncompleteEventPublications.class);
    Duration resubmitAfter = Duration.ofMillis(50);
    OutboxResubmission resubmission =
        new OutboxResubmission(publications, new EventsProperties("topic", resubmitAfter, Duration.ofMillis(500), Duration.ofSeconds(10)));

    resubmission.afterPropertiesSet();
    try {
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(publications, atLeast(3)).resubmitIncompletePublicationsOlderThan(resubmitAfter));
    } finally {
      resubmission.destroy();
    }
  }
}
