package io.sagashop.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's first step is {@code create-secrets.sh}: it must create every Secret of the
 * template with no placeholder left, a password of its own in each place, and a signing key the
 * identity provider can read. kubectl is replaced by a script that keeps what it was given.
 */
@Tag("integration")
class CreateSecretsTest {

  @TempDir Path directory;

  @Test
  void shouldCreateEverySecretWithItsOwnRandomValuesAndARealSigningKey() throws Exception {
    Path created = directory.resolve("created.yaml");
    Path kubectl = Files.writeString(directory.resolve("kubectl"),
        "#!/bin/sh\ncase \"$1\" in\n  get) exit 0 ;;\n  create) cat > \"" + created + "\"; echo 'secret created' ;;\nesac\n");
    Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder script = new ProcessBuilder("bash", "secrets/create-secrets.sh", "sagashop-test").redirectErrorStream(true);
    script.environment().put("PATH", directory + ":" + System.getenv("PATH"));
    Process run = script.start();
    String output = new String(run.getInputStream().readAllBytes());
    assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(run.exitValue()).as(output).isZero();

    String text = Files.readString(created);
    assertThat(text).doesNotContain("CHANGE_ME", "GENERATED_RSA_KEY");
    Map<String, JsonNode> secrets = new HashMap<>();
    List<String> values = new ArrayList<>();
    try (var documents = Kustomize.YAML.readerFor(JsonNode.class).readValues(text)) {
      while (documents.hasNext()) {
        JsonNode secret = (JsonNode) documents.next();
        secrets.put(secret.path("metadata").path("name").asText(), secret.path("stringData"));
        secret.path("stringData").fields().forEachRemaining(field -> {
          if (!field.getKey().equals("username")) {
            values.add(field.getValue().asText());
          }
        });
      }
    }
    assertThat(secrets).containsKeys("orchestrator-db", "order-db", "sagashop-clients", "sagashop-staff", "identity-db", "identity-signing-key");
    assertThat(values).doesNotHaveDuplicates().allSatisfy(value -> assertThat(value).hasSizeGreaterThanOrEqualTo(32));

    String pem = secrets.get("identity-signing-key").path("signing-key.pem").asText();
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    assertThat(key.getModulus().bitLength()).isEqualTo(2048);
  }
}
