package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaUsersTest {

  @Test
  void shouldReadTheClustersUsersFromTheJar() {
    KafkaUsers users = KafkaUsers.load();

    assertThat(users.names()).containsExactlyInAnyOrder("orchestrator", "order-service", "payment-service", "inventory-service", "delivery-service");
    assertThat(users.acls()).contains(
        allow("orchestrator", new ResourcePattern(ResourceType.TOPIC, "delivery.commands", PatternType.LITERAL), AclOperation.WRITE),
        // the view's group is a prefix: each rebuild reads in a group of its own
        allow("order-service", new ResourcePattern(ResourceType.GROUP, "order-service-view", PatternType.PREFIXED), AclOperation.READ));
    assertThat(users.acls()).noneMatch(acl -> acl.entry().principal().equals("User:inventory-service")
        && acl.entry().operation() == AclOperation.READ);
  }

  @Test
  void shouldTranslateStrimzisNamesIntoKafkas() throws IOException {
    String yaml = """
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaUser
        metadata:
          name: tool
        spec:
          authorization:
            type: simple
            acls:
              - resource:
                  type: cluster
                operations: [IdempotentWrite, DescribeConfigs]
              - resource:
                  type: transactionalId
                  name: tool-
                  patternType: prefix
                type: deny
                host: 10.0.0.1
                operations: [Write]
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaTopic
        metadata:
          name: not-a-user
        """;

    KafkaUsers users = KafkaUsers.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

    assertThat(users.names()).containsExactly("tool");
    assertThat(users.acls()).containsExactlyInAnyOrder(
        allow("tool", new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), AclOperation.IDEMPOTENT_WRITE),
        allow("tool", new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), AclOperation.DESCRIBE_CONFIGS),
        new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "tool-", PatternType.PREFIXED),
            new AccessControlEntry("User:tool", "10.0.0.1", AclOperation.WRITE, AclPermissionType.DENY)));
  }

  private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
    return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }
}
