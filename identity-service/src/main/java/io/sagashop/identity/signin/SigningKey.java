package io.sagashop.identity.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.sagashop.identity.IdentityProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The one key every token is signed with, read from {@code sagashop.identity.signing-key}. Spring
 * Authorization Server's samples generate a key at start-up; then every restart or second replica
 * would invalidate the tokens the services already hold.
 */
@Configuration(proxyBeanMethods = false)
class SigningKey {

  @Bean
  JWKSource<SecurityContext> jwkSource(IdentityProperties properties, ResourceLoader resources) throws IOException, JOSEException {
    RSAPrivateCrtKey privateKey;
    try (InputStream pem = pemOf(properties.signingKey(), resources)) {
      if (!(RsaKeyConverters.pkcs8().convert(pem) instanceof RSAPrivateCrtKey crt)) {
        throw new IllegalStateException("sagashop.identity.signing-key must be an RSA private key with its CRT parameters (PKCS#8 PEM)");
      }
      privateKey = crt;
    }
    RSAKey key = new RSAKey.Builder(publicKeyOf(privateKey)).privateKey(privateKey).keyIDFromThumbprint().build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  /** The setting is the PEM itself, or where it lies. */
  private static InputStream pemOf(String setting, ResourceLoader resources) throws IOException {
    String value = setting.strip();
    if (value.startsWith("-----BEGIN")) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.US_ASCII));
    }
    return resources.getResource(value).getInputStream();
  }

  private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
    try {
      BigInteger modulus = key.getModulus();
      return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot derive the public key of the signing key", e);
    }
  }
}
