package io.sagashop.orchestrator.saga;

import java.math.BigDecimal;

/** Whether a value some client sent, or a variable holds, says the same as a fact: numbers compare by value, whatever their type. */
public final class SameValue {

  private SameValue() {}

  /** The same text, or (both numbers, as an amount "96.00" sent back as "96.0") the same number. */
  public static boolean asText(Object fact, String sent) {
    String text = fact.toString();
    try {
      return text.equals(sent) || number(sent, new BigDecimal(text));
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  public static boolean number(Object value, BigDecimal fact) {
    try {
      return value != null && new BigDecimal(value.toString()).compareTo(fact) == 0;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
