package io.sagashop.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The services' Kafka users and what each may do, read from the cluster's own KafkaUser resources
 * (k8s/base/kafka/users.yaml, packed into this jar by the build), so that the embedded broker enforces
 * the very ACLs Strimzi creates on Kubernetes.
 */
public final class KafkaUsers {

  static final String RESOURCE = "kafka/users.yaml";

  private final Map<String, List<AclBinding>> acls;

  private KafkaUsers(Map<String, List<AclBinding>> acls) {
    this.acls = acls;
  }

  /** The users of k8s/base/kafka/users.yaml. */
  public static KafkaUsers load() {
    return of(PackedManifests.packed(RESOURCE, "KafkaUser"));
  }

  static KafkaUsers parse(InputStream yaml) throws IOException {
    return of(PackedManifests.ofKind(yaml, "KafkaUser"));
  }

  private static KafkaUsers of(List<JsonNode> users) {
    Map<String, List<AclBinding>> acls = new LinkedHashMap<>();
    for (JsonNode user : users) {
      String principal = "User:" + user.path("metadata").path("name").asText();
      List<AclBinding> bindings = new ArrayList<>();
      for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
        ResourcePattern resource = resourceOf(acl.path("resource"));
        AclPermissionType permission = AclPermissionType.fromString(acl.path("type").asText("allow"));
        for (JsonNode operation : acl.path("operations")) {
          bindings.add(new AclBinding(resource,
              new AccessControlEntry(principal, acl.path("host").asText("*"), operationOf(operation.asText()), permission)));
        }
      }
      acls.put(user.path("metadata").path("name").asText(), List.copyOf(bindings));
    }
    return new KafkaUsers(acls);
  }

  /** The users' names, as the services sign in. */
  public Set<String> names() {
    return acls.keySet();
  }

  /** Every ACL of every user. */
  List<AclBinding> acls() {
    return acls.values().stream().flatMap(List::stream).toList();
  }

  /** Strimzi's {@code type: topic, name: x, patternType: prefix} as Kafka's resource pattern. */
  private static ResourcePattern resourceOf(JsonNode resource) {
    String type = resource.path("type").asText();
    ResourceType kafkaType = "transactionalId".equals(type) ? ResourceType.TRANSACTIONAL_ID : ResourceType.fromString(type);
    String name = kafkaType == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
    PatternType pattern = "prefix".equals(resource.path("patternType").asText("literal")) ? PatternType.PREFIXED : PatternType.LITERAL;
    return new ResourcePattern(kafkaType, name, pattern);
  }

  /** Strimzi's {@code IdempotentWrite} is Kafka's {@code IDEMPOTENT_WRITE}. */
  private static AclOperation operationOf(String strimzi) {
    return AclOperation.fromString(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
  }
}
