package io.sagashop.platform.events;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/** Every log line written while a record is processed carries its orderId (the record key). */
class OrderIdLogging implements RecordInterceptor<Object, Object> {

  static final String MDC_KEY = "orderId";

  @Override
  public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    if (record.key() != null) {
      MDC.put(MDC_KEY, record.key().toString());
    }
    return record;
  }

  @Override
  public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    MDC.remove(MDC_KEY);
  }
}
