package io.sagashop.payment.transfer;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Transfer references a customer can type without mistakes: no 0/O or 1/I, and random enough that
 * one cannot guess another customer's.
 */
@Component
class TransferReferences {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final int LENGTH = 10;

  private final SecureRandom random = new SecureRandom();
  private final String prefix;

  TransferReferences(BankTransferProperties properties) {
    this.prefix = properties.referencePrefix();
  }

  String next() {
    StringBuilder reference = new StringBuilder(prefix).append('-');
    for (int i = 0; i < LENGTH; i++) {
      reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return reference.toString();
  }
}
