package io.sagashop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time and memory of each part of the stack this JVM started (its descendant processes, and
 * PostgreSQL's server, which detaches from its launcher), read from Linux's /proc: a service by its
 * jar, Kafka by its launcher, PostgreSQL's processes together. Memory is the proportional set size (PSS), so that the memory PostgreSQL's
 * processes share is counted once. The benchmark's own JVM, which plays the customers and sellers on
 * the same cores, is counted apart as the {@value #LOAD_DRIVER}: its CPU, not its memory.
 */
final class StackResources {

  /** One reading: CPU seconds used so far and memory now, per part. */
  record Reading(long nanoTime, Map<String, Double> cpuSeconds, Map<String, Long> memoryKib) {

    /** CPU seconds all parts (the load driver included) used so far. */
    double totalCpuSeconds() {
      return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    long totalMemoryMib() {
      return memoryKib.values().stream().mapToLong(Long::longValue).sum() / 1024;
    }
  }

  static final String LOAD_DRIVER = "load driver";
  private static final double CLOCK_TICKS_PER_SECOND = 100.0;
  private static final Pattern JAR = Pattern.compile("([a-z-]+)\\.jar");

  private StackResources() {}

  static Reading read(Path postgresDataDirectory) {
    Map<String, Double> cpu = new TreeMap<>();
    Map<String, Long> memory = new TreeMap<>();
    Stream.concat(ProcessHandle.current().descendants(), postgresServer(postgresDataDirectory)).forEach(process -> {
      Path proc = Path.of("/proc", String.valueOf(process.pid()));
      try {
        // read here: Java's ProcessHandle.Info gives no arguments for the long class paths of PostgreSQL's and Kafka's launchers
        String part = partOf(Files.readString(proc.resolve("cmdline")).replace('\0', ' '));
        cpu.merge(part, cpuSeconds(Files.readString(proc.resolve("stat"))), Double::sum);
        memory.merge(part, pssKib(proc), Long::sum);
      } catch (IOException ended) {
        // the process ended between listing and reading: it uses nothing any more
      }
    });
    try {
      cpu.put(LOAD_DRIVER, cpuSeconds(Files.readString(Path.of("/proc/self/stat"))));
    } catch (IOException notLinux) {
      // no /proc: the driver's share stays unknown
    }
    return new Reading(System.nanoTime(), cpu, memory);
  }

  /** The server's first process (its PID is postmaster.pid's first line) and every process it started. */
  private static Stream<ProcessHandle> postgresServer(Path dataDirectory) {
    try {
      long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
      return ProcessHandle.of(pid).stream().flatMap(server -> Stream.concat(Stream.of(server), server.descendants()));
    } catch (IOException | RuntimeException notRunning) {
      return Stream.empty();
    }
  }

  /** Each part's share of one core between two readings, in percent. */
  static Map<String, Double> cpuPercent(Reading before, Reading after) {
    double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
    Map<String, Double> percent = new TreeMap<>();
    after.cpuSeconds().forEach((part, used) -> percent.put(part, 100 * (used - before.cpuSeconds().getOrDefault(part, 0.0)) / seconds));
    return percent;
  }

  /** CPU seconds all parts (the load driver included) used between two readings. */
  static double cpuSecondsBetween(Reading before, Reading after) {
    return after.cpuSeconds().entrySet().stream()
        .mapToDouble(used -> used.getValue() - before.cpuSeconds().getOrDefault(used.getKey(), 0.0))
        .sum();
  }

  static String describe(Map<String, Double> cpuPercent, Reading memory) {
    StringBuilder line = new StringBuilder();
    cpuPercent.forEach((part, percent) -> line.append(String.format(Locale.ROOT, "%s%s %.0f%% CPU", line.length() == 0 ? "" : "; ", part, percent))
        .append(memory.memoryKib().containsKey(part) ? " " + memory.memoryKib().get(part) / 1024 + " MiB" : ""));
    return line.toString();
  }

  private static String partOf(String commandLine) {
    String all = commandLine;
    // the launchers' class paths name every jar of the stack: their main class tells them apart
    if (all.contains("KafkaBrokerMain")) {
      return "kafka";
    }
    if (all.contains("PostgresMain") || all.startsWith("postgres:") || all.split(" ", 2)[0].endsWith("/postgres")) {
      return "postgresql";
    }
    Matcher jar = JAR.matcher(all);
    return jar.find() ? jar.group(1) : "other";
  }

  /** utime + stime, the 14th and 15th fields, counted after the command name in brackets. */
  private static double cpuSeconds(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
  }

  private static long pssKib(Path proc) throws IOException {
    for (String line : Files.readAllLines(proc.resolve("smaps_rollup"))) {
      if (line.startsWith("Pss:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return 0;
  }
}
