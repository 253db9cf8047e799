package io.sagashop.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where a record goes once its retries are spent, or at once when it is poison: to
 * {@code <topic>.DLT} (same partition), with the cause in the standard {@code kafka_dlt-*}
 * headers, logged with its orderId and counted by topic ({@code sagashop_dead_letters_total}), so
 * that the consumer moves on to the next record.
 */
class DeadLetters implements ConsumerRecordRecoverer {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final DeadLetterPublishingRecoverer publisher;
  private final MeterRegistry meters;

  /** Spring Kafka's own default suffix is "-dlt"; ours is the one the topics are provisioned with. */
  static final String SUFFIX = ".DLT";

  DeadLetters(KafkaOperations<?, ?> template, MeterRegistry meters) {
    this.meters = meters;
    this.publisher =
        new DeadLetterPublishingRecoverer(
            template, (record, failure) -> new TopicPartition(record.topic() + SUFFIX, record.partition()));
    this.publisher.setFailIfSendResultIsError(true);
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    log.error(
        "Sending record {}-{}@{} of order {} to {}.DLT: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        record.topic(),
        cause.toString());
    publisher.accept(record, failure);
    meters.counter("sagashop.dead.letters", "topic", record.topic()).increment();
  }
}
