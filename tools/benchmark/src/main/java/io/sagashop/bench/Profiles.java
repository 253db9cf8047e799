package io.sagashop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each service's CPU goes while the crowd orders: every service JVM of the benchmark's shop
 * records with Java Flight Recorder (its {@code default} settings, meant to stay on in production:
 * a thread's stack every 20 ms while it runs Java code), and the samples taken between two
 * instants are counted by the library and the method whose code was running: the first frame
 * outside the JDK, its library named by its first three package names ({@code org.camunda.bpm},
 * {@code com.nimbusds.jose}, ...). So the figures say which library's work a request or a job spends
 * its time in; the JDK's own frames count for whoever called them. The JIT and the garbage collector
 * are not sampled.
 */
final class Profiles {

  /** One service's samples in the window, by library and by method (the first outside the JDK), most first. */
  record Profile(String part, int samples, Map<String, Integer> byLibrary, Map<String, Integer> byMethod) {

    String describe(int libraries) {
      return String.format(Locale.ROOT, "%s (%d samples): ", part, samples) + shares(byLibrary, libraries) + "; hottest: " + shares(byMethod, 1);
    }

    private String shares(Map<String, Integer> counts, int most) {
      return counts.entrySet().stream().limit(most)
          .map(count -> String.format(Locale.ROOT, "%s %.0f%%", count.getKey(), 100.0 * count.getValue() / samples))
          .collect(Collectors.joining(", "));
    }
  }

  private static final Pattern JAR = Pattern.compile("([a-z-]+)\\.jar");
  private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
  /** Libraries whose packages do not start with three names of their own. */
  private static final List<String> LIBRARIES = List.of("org.hibernate.", "org.postgresql.", "com.zaxxer.hikari.", "io.micrometer.", "io.opentelemetry.", "feign.");

  private Profiles() {}

  /**
   * The options that make a service JVM record into {@code directory}, written when it stops; the
   * recordings of an earlier run are removed.
   */
  static List<String> recordingInto(Path directory) {
    try {
      Files.createDirectories(directory);
      try (Stream<Path> earlier = Files.list(directory)) {
        for (Path recording : earlier.filter(file -> file.toString().endsWith(".jfr")).toList()) {
          Files.delete(recording);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot prepare " + directory + " for the services' recordings: " + e.getMessage(), e);
    }
    return List.of("-XX:StartFlightRecording=settings=default,dumponexit=true,filename=" + directory.toAbsolutePath() + "/");
  }

  /** The profile of every recording in {@code directory}, counting the samples taken from {@code from} to {@code to}. */
  static List<Profile> read(Path directory, Instant from, Instant to) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> recordings = Files.list(directory)) {
      return recordings.filter(file -> file.toString().endsWith(".jfr")).map(file -> profile(file, from, to))
          .sorted((a, b) -> a.part().compareTo(b.part())).toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the recordings in " + directory + ": " + e.getMessage(), e);
    }
  }

  private static Profile profile(Path recording, Instant from, Instant to) {
    String part = "a service";
    Map<String, Integer> byLibrary = new HashMap<>();
    Map<String, Integer> byMethod = new HashMap<>();
    int samples = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        String kind = event.getEventType().getName();
        if (kind.equals("jdk.JVMInformation")) {
          Matcher jar = JAR.matcher(event.getString("javaArguments"));
          part = jar.find() ? jar.group(1) : part;
        } else if (kind.equals("jdk.ExecutionSample") && !event.getStartTime().isBefore(from) && !event.getStartTime().isAfter(to)
            && event.getStackTrace() != null) {
          samples++;
          RecordedFrame frame = firstOutsideTheJdk(event.getStackTrace().getFrames());
          String ran = frame.getMethod().getType().getName();
          byLibrary.merge(libraryOf(ran), 1, Integer::sum);
          byMethod.merge(methodName(ran, frame.getMethod().getName()), 1, Integer::sum);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the recording " + recording + ": " + e.getMessage(), e);
    }
    return new Profile(part, samples, mostFirst(byLibrary), mostFirst(byMethod));
  }

  private static Map<String, Integer> mostFirst(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** The frame that ran outside the JDK last; the top one when the whole stack is the JDK's (its own threads). */
  private static RecordedFrame firstOutsideTheJdk(List<RecordedFrame> frames) {
    return frames.stream().filter(frame -> JDK.stream().noneMatch(frame.getMethod().getType().getName()::startsWith))
        .findFirst().orElse(frames.get(0));
  }

  /** {@code Class.method}, a lambda's by the class that wrote it ({@code Class$$Lambda.apply}). */
  static String methodName(String type, String method) {
    int lambda = type.indexOf("$$Lambda");
    String named = lambda < 0 ? type : type.substring(0, lambda + "$$Lambda".length());
    return named.substring(named.lastIndexOf('.') + 1) + "." + method;
  }

  /** A library by the start of a class's name: its first three package names, or the name a library's packages share. */
  static String libraryOf(String type) {
    for (String library : LIBRARIES) {
      if (type.startsWith(library)) {
        return library.substring(0, library.length() - 1);
      }
    }
    String[] names = type.split("\\.");
    int packages = Math.min(3, names.length - 1);
    return packages <= 0 ? type : String.join(".", List.of(names).subList(0, packages));
  }
}
