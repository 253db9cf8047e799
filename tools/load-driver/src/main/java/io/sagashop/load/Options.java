package io.sagashop.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the form {@code --name value}, read and checked. */
public final class Options {

  private final Map<String, String> values = new HashMap<>();

  private Options() {}

  /** Every option must be one of {@code known}; the message names them when one is not. */
  public static Options parse(List<String> args, Set<String> known, String usage) {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (!known.contains(option)) {
        throw new IllegalArgumentException("Unknown option " + option + "; the options are " + usage);
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value, e.g. " + option + " 100");
      }
      options.values.put(option, args.get(++i));
    }
    return options;
  }

  /** A whole number between {@code min} and {@code max}, or {@code fallback} when not given. */
  public int between(String option, int min, int max, int fallback) {
    String value = values.get(option);
    if (value == null) {
      return fallback;
    }
    long number = number(option, value);
    if (number < min || number > max) {
      throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", but is " + value);
    }
    return (int) number;
  }

  public long number(String option, long fallback) {
    String value = values.get(option);
    return value == null ? fallback : number(option, value);
  }

  private static long number(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, but is '" + value + "'");
    }
  }
}
