package io.sagashop.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a part wrote before it died while starting into one line a newcomer can act on: what
 * is wrong and what to do, with the log to read for the rest. Never a stack trace on the console.
 */
final class StartupFailure {

  private static final Pattern PORT = Pattern.compile("(?i)port (\\d+) (?:was )?already in use|Address already in use.*?:(\\d+)");

  private StartupFailure() {}

  /**
   * @param part the name a person knows the part by ("PostgreSQL", "order-service")
   * @param logTail the last lines of its log
   * @param logFile where the whole log is
   * @param remedy what to change for this part when it ran out of heap (an environment variable)
   */
  static String explain(String part, List<String> logTail, Path logFile, String remedy) {
    String log = String.join("\n", logTail);
    return reason(part, logTail, log, remedy) + " (log: " + logFile + ")";
  }

  /** The same for an exception that reached the launcher itself. */
  static String explain(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("No space left on device")) {
        return diskFull("sagashop");
      }
      if (cause instanceof OutOfMemoryError) {
        return "The launcher ran out of memory: free some memory and start again.";
      }
    }
    return "sagashop could not start: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  private static String reason(String part, List<String> lines, String log, String remedy) {
    if (log.contains("insufficient memory for the Java Runtime") || log.contains("Cannot allocate memory")) {
      return "The machine has too little free memory to start " + part
          + ": close other programs (the whole shop needs about " + Preflight.NEEDED_MEMORY_MIB + " MiB) and start again.";
    }
    if (log.contains("OutOfMemoryError")) {
      return part + " ran out of Java heap while starting: " + remedy + ".";
    }
    if (log.contains("No space left on device")) {
      return diskFull(part);
    }
    Matcher port = PORT.matcher(log);
    if (port.find()) {
      String number = port.group(1) != null ? port.group(1) : port.group(2);
      return part + " cannot listen on port " + number + ": another program uses it. Stop that program, or move "
          + part + " to another port (the SAGASHOP_..._PORT variables in docs/local-stack.md).";
    }
    Optional<String> postgresBinaries = lines.stream()
        .filter(line -> line.contains("PostgresBinariesException: "))
        .map(line -> line.substring(line.indexOf("PostgresBinariesException: ") + "PostgresBinariesException: ".length()))
        .findFirst();
    if (postgresBinaries.isPresent()) {
      return postgresBinaries.get();
    }
    Optional<String> springAnalysis = springFailureAnalysis(lines);
    if (springAnalysis.isPresent()) {
      return part + " did not start: " + springAnalysis.get();
    }
    return part + " stopped while starting: " + lastError(lines).orElse("it wrote no error");
  }

  private static String diskFull(String part) {
    return "The disk is full: " + part + " cannot write. Free some space (or move the shop's data with SAGASHOP_DATA_DIR)"
        + " and start again.";
  }

  /** Spring Boot's failure analyzers print a Description and an Action: both fit on one line. */
  private static Optional<String> springFailureAnalysis(List<String> lines) {
    int description = lines.indexOf("Description:");
    int action = lines.indexOf("Action:");
    if (description < 0 || action < description) {
      return Optional.empty();
    }
    String what = join(lines.subList(description + 1, action));
    String todo = join(lines.subList(action + 1, lines.size()));
    return Optional.of(what + (todo.isEmpty() ? "" : " " + todo));
  }

  private static String join(List<String> lines) {
    return String.join(" ", lines.stream().map(String::trim).filter(line -> !line.isEmpty())
        .takeWhile(line -> !line.matches("^\\d{4}-\\d\\d-\\d\\d.*")).toList());
  }

  /** The last line that says ERROR or names an exception, without its stack frames. */
  private static Optional<String> lastError(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).trim();
      if (!line.startsWith("at ") && !line.startsWith("...") && (line.contains("ERROR") || line.contains("Exception")
          || line.contains("Error:"))) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }
}
