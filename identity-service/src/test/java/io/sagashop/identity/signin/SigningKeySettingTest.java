package io.sagashop.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.sagashop.identity.IdentityProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Kubernetes hands the signing key over from a Secret in the environment (the PEM text), the local
 * stack as a file it generated: both must sign with the same key, and a missing key stops the start.
 */
class SigningKeySettingTest {

  @TempDir static Path directory;
  private static String pem;
  private static Path file;

  private final ApplicationContextRunner identity = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Keys.class);

  @BeforeAll
  static void aKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    file = Files.writeString(directory.resolve("signing-key.pem"), pem);
  }

  @Test
  void shouldSignWithTheSameKeyWhetherGivenAsTextOrAsAFile() {
    String[] fromText = new String[1];
    identity.withPropertyValues("sagashop.identity.signing-key=" + pem)
        .run(context -> fromText[0] = keyIdOf(context.getBean(JWKSource.class)));
    identity.withPropertyValues("sagashop.identity.signing-key=file:" + file)
        .run(context -> assertThat(keyIdOf(context.getBean(JWKSource.class))).isNotBlank().isEqualTo(fromText[0]));
  }

  @Test
  void shouldRefuseToStartWithoutAKey() {
    identity.run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("signingKey"));
  }

  @SuppressWarnings("unchecked")
  private static String keyIdOf(JWKSource<?> source) throws Exception {
    List<JWK> keys = ((JWKSource<SecurityContext>) source).get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    assertThat(keys).hasSize(1);
    return keys.get(0).getKeyID();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IdentityProperties.class)
  @Import(SigningKey.class)
  static class Keys {}
}
