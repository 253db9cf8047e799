package io.sagashop.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator's {@code monitoring.coreos.com/v1} PrometheusRule, field for field as in its
 * API reference, read with unknown fields failing as {@link CloudNativePg} is: a misspelt
 * {@code annotations} or {@code for} is reported instead of silently dropped by the operator.
 */
final class PrometheusOperator {

  private PrometheusOperator() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PrometheusRule(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {}

  record Spec(List<Group> groups) {}

  record Group(String name, String interval, List<Rule> rules) {}

  record Rule(
      String alert,
      String record,
      String expr,
      @JsonProperty("for") String pendingFor,
      Map<String, String> labels,
      Map<String, String> annotations) {}
}
