package io.sagashop.payment.transfer;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Transfer references a customer can type without mistakes (no 0/O or 1/I), unique by construction
 * and not to be guessed from another customer's.
 *
 * <p>The first part is the payment's serial from a database sequence, so two payments never share a
 * reference (a random one alone collided now and then, and the insert failed on the UNIQUE column);
 * the last {@value #RANDOM_LENGTH} characters are random, so a serial does not lead to the
 * reference next to it. The random part has a fixed length, so the serial is everything before it:
 * different serials cannot make the same reference. The serial takes at least {@value
 * #SERIAL_LENGTH} characters, which makes every reference longer than the ten random characters of
 * the earlier ones.
 */
@Component
class TransferReferences {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final int SERIAL_LENGTH = 5;
  private static final int RANDOM_LENGTH = 6;

  private final RandomGenerator random;
  private final String prefix;

  @Autowired
  TransferReferences(BankTransferProperties properties) {
    this(properties, new SecureRandom());
  }

  TransferReferences(BankTransferProperties properties, RandomGenerator random) {
    this.prefix = properties.referencePrefix();
    this.random = random;
  }

  /** The reference of the payment with this serial (from {@link PaymentRepository#nextReferenceSerial()}). */
  String of(long serial) {
    if (serial < 0) {
      throw new IllegalArgumentException("a serial is never negative: " + serial);
    }
    StringBuilder digits = new StringBuilder();
    for (long rest = serial; rest > 0 || digits.length() < SERIAL_LENGTH; rest /= ALPHABET.length) {
      digits.append(ALPHABET[(int) (rest % ALPHABET.length)]);
    }
    StringBuilder reference = new StringBuilder(prefix).append('-').append(digits.reverse());
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return reference.toString();
  }
}
