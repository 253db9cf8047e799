package io.sagashop.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * The part of CloudNativePG's {@code postgresql.cnpg.io/v1} API the shop uses, field for field as
 * in its API reference (1.25+). CloudNativePG publishes no Java model; these records are read with
 * unknown fields failing, so a field outside them is reported rather than passed: a new field is
 * added here on purpose, after checking it in the reference.
 */
final class CloudNativePg {

  private CloudNativePg() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {}

  record ClusterSpec(
      Integer instances,
      String imageName,
      Storage storage,
      Storage walStorage,
      PostgresConfiguration postgresql,
      Affinity affinity,
      ResourceRequirements resources,
      Managed managed) {}

  record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {}

  record PostgresConfiguration(Map<String, String> parameters) {}

  record Affinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {}

  record Managed(List<Role> roles) {}

  record Role(
      String name,
      String ensure,
      String comment,
      Boolean login,
      Boolean superuser,
      Boolean createdb,
      Boolean createrole,
      Boolean inherit,
      Boolean replication,
      Boolean bypassrls,
      Integer connectionLimit,
      LocalObjectReference passwordSecret,
      List<String> inRoles) {}

  record LocalObjectReference(String name) {}

  record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {}

  record DatabaseSpec(
      String name,
      String owner,
      LocalObjectReference cluster,
      String ensure,
      String encoding,
      String databaseReclaimPolicy) {}
}
