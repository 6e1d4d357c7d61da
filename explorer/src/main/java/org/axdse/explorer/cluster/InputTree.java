package org.axdse.explorer.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.axdse.multipliers.util.BadInputException;

/**
 * The content of a run input that is a file or a directory (the model, the multiplier library), as the
 * coordinator ships it to workers that lack it. Identified by its SHA-256 content hash over the relative paths
 * and bytes of its files, so a worker stores and loads each input once, whatever its path on the coordinator.
 *
 * @param directory true for a directory, false for a single file
 * @param name the file name (for a file; a loader may look at the extension), empty for a directory
 * @param entries the files, by relative path ("/"-separated, sorted); for a file, first the entry named
 *     {@code name}, then its companions (files that travel with it and are stored beside it, such as a model's
 *     preprocessing sidecar)
 */
record InputTree(boolean directory, String name, List<Entry> entries) {
  /** Inputs above this size are refused rather than shipped. */
  static final long MAX_BYTES = 1L << 30;

  /** One file of the input. */
  record Entry(String path, byte[] bytes) {
    Entry {
      if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
          || Stream.of(path.split("/")).anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
        throw new Wire.MalformedException("bad input path '" + path + "'");
      }
    }
  }

  InputTree {
    entries = List.copyOf(entries);
  }

  /** Reads the file or directory {@code path}. */
  static InputTree read(Path path, String flag) {
    return read(path, flag, List.of());
  }

  /**
   * Reads the file or directory {@code path}; a file takes along those of {@code companions} that exist (files
   * of the same directory), to be stored beside it on the workers.
   */
  static InputTree read(Path path, String flag, List<Path> companions) {
    try {
      if (Files.isRegularFile(path)) {
        long total = Files.size(path);
        checkSize(path, total, flag);
        String n = path.getFileName().toString();
        List<Entry> files = new ArrayList<>(List.of(new Entry(n, Files.readAllBytes(path))));
        for (Path c : companions) {
          if (Files.isRegularFile(c)) {
            total += Files.size(c);
            checkSize(path, total, flag);
            files.add(new Entry(c.getFileName().toString(), Files.readAllBytes(c)));
          }
        }
        return new InputTree(false, n, files);
      }
      List<Entry> out = new ArrayList<>();
      long total = 0;
      try (Stream<Path> files = Files.walk(path)) {
        for (Path f : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
          total += Files.size(f);
          checkSize(path, total, flag);
          String rel = path.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
          out.add(new Entry(rel, Files.readAllBytes(f)));
        }
      }
      return new InputTree(true, "", out);
    } catch (IOException e) {
      throw BadInputException.in(path, flag + ": cannot read it to ship it to the workers: " + e.getMessage());
    }
  }

  private static void checkSize(Path path, long size, String flag) {
    if (size > MAX_BYTES) {
      throw BadInputException.in(path, flag + ": larger than 1 GiB; too large to ship to workers");
    }
  }

  /** The SHA-256 content hash, in hex. */
  String hash() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(new Wire.Writer().putBoolean(directory).putString(name).putInt(entries.size()).toBytes());
      for (Entry e : entries) {
        d.update(new Wire.Writer().putString(e.path()).putLong(e.bytes().length).toBytes());
        d.update(e.bytes());
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a worker needs to know of the input before it has the bytes. */
  InputRef ref() {
    return new InputRef(hash(), directory, name);
  }

  void write(Wire.Writer w) {
    w.putBoolean(directory).putString(name).putInt(entries.size());
    for (Entry e : entries) {
      w.putString(e.path()).putBytes(e.bytes());
    }
  }

  static InputTree read(Wire.Reader r) {
    boolean dir = r.getBoolean();
    String n = r.getString();
    int count = r.getInt();
    if (count < 0 || count > 1_000_000) {
      throw new Wire.MalformedException("bad entry count " + count);
    }
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new Entry(r.getString(), r.getBytes()));
    }
    if (!dir && (out.isEmpty() || !out.get(0).path().equals(n)
        || out.stream().anyMatch(e -> e.path().contains("/")))) {
      throw new Wire.MalformedException("a file input must start with its own entry and hold only plain names");
    }
    return new InputTree(dir, n, out);
  }

  /** Writes the files under {@code root} (which must not exist yet). */
  void writeUnder(Path root) {
    try {
      for (Entry e : entries) {
        Path f = root.resolve(e.path()).normalize();
        if (!f.startsWith(root)) {
          throw new Wire.MalformedException("input path escapes its directory: " + e.path());
        }
        Files.createDirectories(f.getParent());
        Files.write(f, e.bytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reference to an input by content hash; {@code name} is the file name of a single-file input. */
  record InputRef(String hash, boolean directory, String name) {
    InputRef {
      if (!hash.matches("[0-9a-f]{64}")) {
        throw new Wire.MalformedException("bad content hash");
      }
      if (!directory && (name.isEmpty() || name.contains("/") || name.equals("..") || name.equals("."))) {
        throw new Wire.MalformedException("bad input file name '" + name + "'");
      }
    }

    void write(Wire.Writer w) {
      w.putString(hash).putBoolean(directory).putString(name);
    }

    static InputRef read(Wire.Reader r) {
      return new InputRef(r.getString(), r.getBoolean(), r.getString());
    }
  }
}
