package io.sagashop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a fresh start throws away: databases, topics and logs, but not the generated passwords. */
final class StackData {

  private static final Logger log = LoggerFactory.getLogger(StackData.class);

  private StackData() {}

  static void wipe(StackSettings settings) {
    for (Path directory : List.of(settings.postgresDirectory(), settings.kafkaDirectory(), settings.logDirectory())) {
      if (Files.exists(directory)) {
        try (Stream<Path> paths = Files.walk(directory)) {
          paths.sorted(Comparator.reverseOrder()).forEach(StackData::delete);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    log.info("Wiped the databases, topics and logs in {}", settings.dataDirectory());
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
