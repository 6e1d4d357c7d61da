package org.axdse.multipliers.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-directory lock across processes, as two axdse commands meet it: a second JVM holding the lock makes this
 * one's acquire fail with the holder's process id; once the holder is killed with SIGKILL (its lock file left
 * behind), the lock is taken over.
 */
class RunLockProcessIT {
  @TempDir Path tmp;

  /** Holds the lock on {@code args[0]} until killed; prints "locked" once it holds it. */
  public static void main(String[] args) throws Exception {
    RunLock lock = RunLock.acquire(Path.of(args[0]));
    lock.commit();
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    lock.close();
  }

  @Test
  void aLockHeldByAnotherProcessIsRefusedWithItsPidAndTakenOverAfterSigkill() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    String java = ProcessHandle.current().info().command().orElse("java");
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        RunLockProcessIT.class.getName(), dir.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine(), "the other process holds the lock");
      BadInputException e = assertThrows(BadInputException.class, () -> RunLock.acquire(dir));
      assertEquals(dir + ": locked by process " + holder.pid() + " (another axdse command is writing it)",
          e.getMessage());
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no chance to clean up
      assertTrue(Files.exists(dir.resolve(RunLock.FILE)), "the killed holder left its lock file");
      try (RunLock lock = RunLock.acquire(dir)) {
        assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(lock.file()).strip(),
            "taken over");
        lock.commit();
      }
    } finally {
      holder.destroyForcibly();
    }
  }
}
