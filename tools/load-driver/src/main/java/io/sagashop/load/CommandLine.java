package io.sagashop.load;

import io.sagashop.stack.StackException;
import io.sagashop.stack.StackSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code ./sagashop load}, {@code chaos} and {@code bench} share around their run: the arguments
 * read (exit 2 when wrong), the stack's settings from the environment, one line for a failure
 * (exit 1), and the report printed (exit 1 when an invariant is broken).
 */
public final class CommandLine {

  public static final Logger console = LoggerFactory.getLogger("sagashop");

  /** A run's printed lines and whether every invariant held. */
  public interface Report {
    List<String> lines();

    boolean holds();
  }

  private CommandLine() {}

  public static <A> void run(String[] args, Function<List<String>, A> parse, BiFunction<A, StackSettings, ? extends Report> run) {
    A arguments;
    try {
      arguments = parse.apply(List.of(args));
    } catch (IllegalArgumentException e) {
      console.error(e.getMessage());
      System.exit(2);
      return;
    }
    Path root = Path.of(System.getProperty("sagashop.root", ".")).toAbsolutePath().normalize();
    Report report;
    try {
      report = run.apply(arguments, StackSettings.fromEnvironment(root, System::getenv));
    } catch (StackException | IllegalStateException e) {
      console.error(e.getMessage());
      System.exit(1);
      return;
    }
    report.lines().forEach(console::info);
    System.exit(report.holds() ? 0 : 1);
  }
}
