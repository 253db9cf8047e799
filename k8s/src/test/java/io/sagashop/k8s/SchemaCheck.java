package io.sagashop.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Every object read into the typed model of its API: Kubernetes' own from fabric8, Strimzi's from
 * its api jar, CloudNativePG's from {@link CloudNativePg}, the Prometheus Operator's from {@link PrometheusOperator}. A field the model does not know (a typo,
 * a field of another version) or a value of the wrong type is a finding; so is a kind no model is
 * known for, so nothing reaches the cluster unchecked.
 */
final class SchemaCheck {

  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
          Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
          Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
          Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
          Map.entry("postgresql.cnpg.io/v1/Cluster", CloudNativePg.Cluster.class),
          Map.entry("postgresql.cnpg.io/v1/Database", CloudNativePg.Database.class),
          Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusOperator.PrometheusRule.class));

  /**
   * The models carry their own Jackson annotations (IntOrString, Quantity...); records (CloudNativePG)
   * have no catch-all for unknown fields, so for them unknown fields fail right here.
   */
  private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  List<String> check(Manifest manifest) {
    Class<?> model = MODELS.get(manifest.apiVersion() + "/" + manifest.kind());
    if (model == null) {
      return List.of(manifest + ": no schema is known for " + manifest.apiVersion() + " " + manifest.kind()
          + "; add its model to " + SchemaCheck.class.getSimpleName());
    }
    Object typed;
    try {
      typed = mapper.treeToValue(manifest.json(), model);
    } catch (JsonMappingException e) {
      return List.of(manifest + ": " + e.getOriginalMessage() + " at " + path(e));
    } catch (Exception e) {
      return List.of(manifest + ": " + e.getMessage());
    }
    List<String> findings = new ArrayList<>();
    unknownFields(typed, "", findings, manifest, Collections.newSetFromMap(new IdentityHashMap<>()));
    return findings;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
    }
    return path.length() == 0 ? "the top" : path.substring(path.charAt(0) == '.' ? 1 : 0);
  }

  /**
   * The models keep fields they do not know in "additionalProperties" instead of failing; walk the
   * object and report every such field with its path.
   */
  private static void unknownFields(Object value, String path, List<String> findings, Manifest manifest, Set<Object> seen) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
      return;
    }
    // Some models offer one part under two getters (Strimzi's storage); each part is read once.
    if (!seen.add(value)) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + index++ + "]", findings, manifest, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> entries) {
      entries.forEach((key, item) -> unknownFields(item, path + "." + key, findings, manifest, seen));
      return;
    }
    if (value instanceof Record record) {
      for (var component : record.getClass().getRecordComponents()) {
        unknownFields(invoke(component.getAccessor(), record), path + "." + component.getName(), findings, manifest, seen);
      }
      return;
    }
    String type = value.getClass().getName();
    if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.") && !type.startsWith(SchemaCheck.class.getPackageName())) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      String name = getter.getName();
      if (name.equals("getAdditionalProperties")) {
        Object unknown = invoke(getter, value);
        if (unknown instanceof Map<?, ?> fields && !fields.isEmpty()) {
          fields.keySet().forEach(field ->
              findings.add(manifest + ": unknown field \"" + field + "\" at " + (path.isEmpty() ? "the top" : path.substring(1))));
        }
      } else if (name.startsWith("get") && name.length() > 3 && !getter.getReturnType().isPrimitive()) {
        unknownFields(invoke(getter, value), path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), findings, manifest, seen);
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
