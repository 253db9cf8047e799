package io.sagashop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the machine must have before anything starts, checked up front so that a newcomer reads
 * one line instead of a part dying half way: free memory for seven processes, disk for their data.
 */
final class Preflight {

  /** Five services, Kafka and PostgreSQL after start-up, measured on the default JVM options. */
  static final long NEEDED_MEMORY_MIB = 2048;
  /** Databases, Kafka's log and the logs of a shop that ran for a while. */
  static final long NEEDED_DISK_MIB = 1024;

  private static final Path MEMINFO = Path.of("/proc/meminfo");

  private Preflight() {}

  static void check(StackSettings settings) {
    availableMemoryMib().ifPresent(Preflight::requireMemory);
    requireDisk(settings.dataDirectory(), usableDiskMib(settings.dataDirectory()));
  }

  static void requireMemory(long availableMib) {
    if (availableMib < NEEDED_MEMORY_MIB) {
      throw new StackException("Only " + availableMib + " MiB of memory are free; the shop needs about "
          + NEEDED_MEMORY_MIB + " MiB (five services, Kafka and PostgreSQL). Close other programs and start again.");
    }
  }

  static void requireDisk(Path directory, long usableMib) {
    if (usableMib < NEEDED_DISK_MIB) {
      throw new StackException("Only " + usableMib + " MiB are free on the disk of " + directory + "; the shop needs "
          + "about " + NEEDED_DISK_MIB + " MiB there. Free some space, or move the shop's data with SAGASHOP_DATA_DIR.");
    }
  }

  /** MemAvailable of Linux's /proc/meminfo; elsewhere nothing is checked. */
  static OptionalLong availableMemoryMib() {
    try {
      return parseMemAvailable(Files.readAllLines(MEMINFO));
    } catch (IOException | RuntimeException notLinux) {
      return OptionalLong.empty();
    }
  }

  static OptionalLong parseMemAvailable(List<String> meminfo) {
    return meminfo.stream()
        .filter(line -> line.startsWith("MemAvailable:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
        .findFirst();
  }

  private static long usableDiskMib(Path directory) {
    Path existing = directory.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return Files.getFileStore(existing).getUsableSpace() / (1024 * 1024);
    } catch (IOException | NullPointerException e) {
      throw new StackException("Cannot tell how much disk is free for " + directory + ": " + e.getMessage());
    }
  }
}
