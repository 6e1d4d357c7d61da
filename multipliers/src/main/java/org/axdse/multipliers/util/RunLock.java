package org.axdse.multipliers.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per output directory: an exclusive operating-system lock ({@link FileChannel#tryLock()}) on the file
 * {@value #FILE} in the directory, which holds the writer's process id while it is held and is emptied again on
 * release. The file is never deleted (deleting it would let two processes lock two different files), so a
 * directory some command ever wrote holds an empty lock file. The operating system drops the lock when its
 * process dies, so a lock left by a killed command is taken over without a word; a live holder makes the second
 * writer fail with one line naming the holder's process id, before it has changed anything.
 */
public final class RunLock implements AutoCloseable {
  /** The lock file's name in the locked directory. */
  public static final String FILE = ".axdse.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean createdDirectory;
  private final boolean createdFile;
  private boolean committed;

  private RunLock(Path file, FileChannel channel, FileLock lock, boolean createdDirectory, boolean createdFile) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.createdDirectory = createdDirectory;
    this.createdFile = createdFile;
  }

  /**
   * Locks {@code dir} for writing, creating it when missing (and removing it again on {@link #close()} when the
   * command wrote nothing into it, so a failed command leaves no empty directory behind); fails with a {@link BadInputException} naming the
   * directory and the holder's process id when another command (in this process or another) holds it.
   */
  public static RunLock acquire(Path dir) {
    for (int attempt = 0; attempt < 4; attempt++) {
      RunLock l = tryAcquire(dir);
      if (l != null) {
        return l;
      }
    }
    throw BadInputException.in(dir, "cannot lock: the lock file " + FILE + " keeps being removed by another process");
  }

  /**
   * One attempt; null when the lock was taken on a file that a failed holder removed meanwhile (the path then
   * names a new file, which the next attempt locks).
   */
  private static RunLock tryAcquire(Path dir) {
    Path file = dir.resolve(FILE);
    FileChannel ch = null;
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw BadInputException.in(dir, "not a directory");
      }
      boolean created = !Files.exists(dir);
      Files.createDirectories(dir);
      boolean createdFile = !Files.exists(file);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        l = null;
      }
      if (l == null) {
        String holder = holder(ch);
        ch.close();
        throw BadInputException.in(dir, "locked by process " + holder + " (another axdse command is writing it)");
      }
      if (!Files.exists(file)) {
        l.release();
        ch.close();
        return null;
      }
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(pid), 0);
      ch.force(false);
      return new RunLock(file, ch, l, created, createdFile);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new BadInputException(file + ": cannot lock: " + IoProblems.problem(e), e);
    }
  }

  /** True when {@code name} is the lock file's name (for code that lists a directory's content). */
  public static boolean isLockFile(Path name) {
    return name.getFileName() != null && name.getFileName().toString().equals(FILE);
  }

  public Path file() {
    return file;
  }

  /**
   * Marks the command as done: {@link #close()} then keeps the (emptied) lock file. Without it, as when the command
   * failed, a lock file this lock created is removed again, so a failed command leaves nothing behind.
   */
  public void commit() {
    committed = true;
  }

  /**
   * Empties the lock file and releases the lock; removes the lock file it created when the command did not
   * {@link #commit()}, and a directory it created that stayed empty.
   */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      if (!committed && createdFile) {
        Files.deleteIfExists(file);
      }
      Path dir = file.getParent();
      if (createdDirectory && onlyLockFile(dir)) {
        Files.deleteIfExists(file);
        lock.release();
        channel.close();
        Files.deleteIfExists(dir);
        return;
      }
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot release the lock: " + IoProblems.problem(e), e);
    }
  }

  private static boolean onlyLockFile(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.allMatch(RunLock::isLockFile);
    }
  }

  private static String holder(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(32);
    ch.read(buf, 0);
    String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
    return pid.matches("[0-9]{1,19}") ? pid : "(unknown)";
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // the lock was never taken
      }
    }
  }
}
