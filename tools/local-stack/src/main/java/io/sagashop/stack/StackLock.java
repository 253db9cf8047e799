package io.sagashop.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Only one stack at a time may use a data directory: a second launcher says so and stops. */
final class StackLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private StackLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StackLock acquire(Path dataDirectory) {
    Path file = dataDirectory.resolve("stack.lock");
    try {
      Files.createDirectories(dataDirectory);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        channel.close();
        throw new StackException(
            "A sagashop stack is already running on " + dataDirectory + " (launcher pid " + holder
                + "). Stop it with Ctrl-C in its terminal, or use that one.");
      }
      channel.truncate(0);
      channel.write(java.nio.ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      return new StackLock(channel, lock);
    } catch (IOException e) {
      throw new StackException("Cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Null when another process, or another stack in this JVM, holds the lock. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the lock goes with the process anyway
    }
  }
}
