package io.sagashop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes a stack started. Should the launcher itself be killed hard, the next start finds
 * them here and ends them, so no orphan keeps a port or the data directory.
 */
final class PidFile {

  private static final Logger log = LoggerFactory.getLogger(PidFile.class);

  private final Path file;
  private final Set<Long> pids = new LinkedHashSet<>();

  PidFile(Path file) {
    this.file = file;
  }

  synchronized void add(long pid) {
    pids.add(pid);
    write();
  }

  synchronized void remove(long pid) {
    pids.remove(pid);
    write();
  }

  /** Ends whatever a previous, killed launcher left running. */
  void endOrphans() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          ProcessHandle.of(Long.parseLong(line.trim()))
              .filter(ProcessHandle::isAlive)
              .ifPresent(PidFile::end);
        }
      }
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void end(ProcessHandle orphan) {
    log.warn("Ending process {} left over from an earlier run: {}", orphan.pid(),
        orphan.info().commandLine().orElse("?"));
    orphan.destroy();
    orphan.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
        .exceptionally(timeout -> {
          orphan.destroyForcibly();
          return orphan;
        })
        .join();
  }

  private void write() {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, pids.stream().map(String::valueOf).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
