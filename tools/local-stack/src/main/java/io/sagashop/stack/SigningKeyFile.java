package io.sagashop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The key the local identity provider signs tokens with: generated once (RSA 2048, PKCS#8 PEM,
 * readable by the owner only) and kept in the data directory, so that tokens survive its restarts.
 */
final class SigningKeyFile {

  private SigningKeyFile() {}

  static Path ensure(Path dataDirectory) {
    Path file = dataDirectory.resolve("identity-signing-key.pem");
    if (Files.exists(file)) {
      return file;
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      String pem = "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
      Files.createDirectories(dataDirectory);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, pem);
      return file;
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new StackException("Cannot create the identity provider's signing key in " + file + ": " + e.getMessage(), e);
    }
  }
}
