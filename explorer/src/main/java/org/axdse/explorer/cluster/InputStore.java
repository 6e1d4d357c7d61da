package org.axdse.explorer.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A worker's store of shipped inputs, one directory per content hash: {@code DIR/HASH/} holds a library's files or
 * the one model file under its own name. An input is written to a temporary directory, checked against its hash
 * and moved into place, so a half-written input is never loaded.
 */
final class InputStore {
  private final Path dir;

  InputStore(Path dir) {
    this.dir = dir;
  }

  /** Where the input lives once stored: its directory, or the file inside it. */
  Path pathOf(InputTree.InputRef ref) {
    Path d = dir.resolve(ref.hash());
    return ref.directory() ? d : d.resolve(ref.name());
  }

  boolean has(InputTree.InputRef ref) {
    return ref == null || Files.exists(pathOf(ref));
  }

  /** Stores {@code tree}, which must have the content hash of {@code ref}. */
  void put(InputTree.InputRef ref, InputTree tree) {
    if (!tree.ref().equals(ref)) {
      throw new Wire.MalformedException("shipped input does not match its content hash");
    }
    if (has(ref)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempDirectory(dir, ".incoming-");
      tree.writeUnder(tmp);
      try {
        Files.move(tmp, dir.resolve(ref.hash()), StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        if (!has(ref)) {
          throw e;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a shipped input in " + dir + ": " + e.getMessage(), e);
    }
  }
}
