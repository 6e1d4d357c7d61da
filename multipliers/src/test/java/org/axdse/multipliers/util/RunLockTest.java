package org.axdse.multipliers.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir Path tmp;

  @Test
  void aSecondWriterIsRefusedWithTheHoldersPidUntilTheFirstReleases() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    String pid = Long.toString(ProcessHandle.current().pid());
    try (RunLock first = RunLock.acquire(dir)) {
      assertEquals(pid, Files.readString(first.file()).strip(), "the lock file holds the writer's pid");
      BadInputException e = assertThrows(BadInputException.class, () -> RunLock.acquire(dir));
      assertEquals(dir + ": locked by process " + pid + " (another axdse command is writing it)", e.getMessage());
      first.commit();
    }
    assertEquals(0, Files.size(dir.resolve(RunLock.FILE)), "released: the lock file is empty again");
    try (RunLock again = RunLock.acquire(dir)) {
      assertTrue(Files.exists(again.file()));
    }
  }

  @Test
  void aLockFileLeftByAKilledProcessIsTakenOver() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(dir.resolve(RunLock.FILE), "999999\n");
    try (RunLock lock = RunLock.acquire(dir)) {
      assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(lock.file()).strip());
    }
  }

  @Test
  void aDirectoryTheLockCreatedIsRemovedWhenNothingWasWrittenIntoIt() throws IOException {
    Path unused = tmp.resolve("a").resolve("unused");
    try (RunLock lock = RunLock.acquire(unused)) {
      assertTrue(Files.isDirectory(unused));
    }
    assertFalse(Files.exists(unused));
    Path used = tmp.resolve("used");
    try (RunLock lock = RunLock.acquire(used)) {
      Files.writeString(used.resolve("result.txt"), "kept");
    }
    assertEquals("kept", Files.readString(used.resolve("result.txt")));
  }

  @Test
  void aFileIsNotADirectoryToLock() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    BadInputException e = assertThrows(BadInputException.class, () -> RunLock.acquire(file));
    assertEquals(file + ": not a directory", e.getMessage());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aCommandThatFailsLeavesNoLockFileBehind() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(dir.resolve("sentinel"), "s");
    try (RunLock lock = RunLock.acquire(dir)) {
      assertTrue(Files.exists(lock.file()), "held while the command runs");
    } // no commit: the command failed
    assertFalse(Files.exists(dir.resolve(RunLock.FILE)), "the lock file it created is gone");
    try (RunLock lock = RunLock.acquire(dir)) {
      lock.commit();
    }
    assertTrue(Files.exists(dir.resolve(RunLock.FILE)), "a command that succeeded keeps it");
    try (RunLock lock = RunLock.acquire(dir)) {
      // fails, but the lock file was there before it: left as found
    }
    assertEquals(0, Files.size(dir.resolve(RunLock.FILE)));
  }
}
