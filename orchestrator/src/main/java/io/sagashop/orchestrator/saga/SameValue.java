package io.sagashop.orchestrator.saga;

import java.math.BigDecimal;

/** Whether a value some client sent, or a variable holds, says the same as a fact: numbers compare by value, whatever their type. */
public final class SameValue {

  private SameValue() {}

  public static boolean number(Object value, BigDecimal fact) {
    try {
      return value != null && new BigDecimal(value.toString()).compareTo(fact) == 0;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
