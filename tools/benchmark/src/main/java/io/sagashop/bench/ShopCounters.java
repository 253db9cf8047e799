package io.sagashop.bench;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** What the whole shop wrote so far: PostgreSQL's committed transactions (every database) and Kafka's records (every topic). */
final class ShopCounters {

  record Reading(long commits, long records) {

    Reading minus(Reading before) {
      return new Reading(commits - before.commits, records - before.records);
    }
  }

  private final LocalStack stack;

  ShopCounters(LocalStack stack) {
    this.stack = stack;
  }

  Reading read() {
    return new Reading(commits(), records());
  }

  private long commits() {
    LocalStack.DatabaseAccess database = stack.database(ShopService.ORDER);
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement statement = connection.createStatement();
        ResultSet sum = statement.executeQuery("SELECT sum(xact_commit) FROM pg_stat_database")) {
      sum.next();
      return sum.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read PostgreSQL's commit count: " + e.getMessage(), e);
    }
  }

  private long records() {
    Properties properties = new Properties();
    properties.putAll(stack.kafkaConnection().clientProperties());
    try (Admin admin = Admin.create(properties)) {
      Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get();
      Map<TopicPartition, OffsetSpec> latest = topics.values().stream()
          .flatMap(topic -> topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition())))
          .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(offset -> offset.offset()).sum();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading Kafka's offsets", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Cannot read Kafka's offsets: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
