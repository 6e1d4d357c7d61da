package org.axdse.simulator.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.axdse.multipliers.util.AtomicFiles;

/**
 * A directory of cached results, one file per {@link CacheKey}: {@code KIND-HEX.bin}, a header line
 * {@code axdse-cache VERSION KIND HEX LENGTH SHA256} and then the body. {@link #get} answers a body only when
 * the header names this format version and the requested key and the body has the recorded length and SHA-256;
 * anything else (a truncated, edited or foreign file) is a miss, with the reason, so the caller computes the
 * result again and {@link #put}s it over the bad entry. Writes are atomic (a temporary file renamed into place);
 * a cache that cannot be written is skipped, never an error. {@link #off()} caches nothing.
 *
 * <p>The directory is {@code $AXDSE_CACHE}, else {@code $XDG_CACHE_HOME/axdse}, else {@code ~/.cache/axdse};
 * {@code AXDSE_CACHE=off} turns caching off.
 */
public final class ResultCache {
  /** Bump when the meaning of any cached body changes (engine semantics, serialized forms). */
  public static final int FORMAT_VERSION = 1;

  /** The environment variable naming the cache directory, or {@code off}. */
  public static final String ENVIRONMENT = "AXDSE_CACHE";

  private static final String MAGIC = "axdse-cache";
  private static final ResultCache OFF = new ResultCache(null);

  private final Path directory;

  private ResultCache(Path directory) {
    this.directory = directory;
  }

  /** A cache that stores nothing and finds nothing. */
  public static ResultCache off() {
    return OFF;
  }

  /** A cache in {@code directory} (created on the first write). */
  public static ResultCache at(Path directory) {
    return new ResultCache(directory.toAbsolutePath());
  }

  /** The cache the environment asks for: see the class description. */
  public static ResultCache fromEnvironment() {
    return fromEnvironment(System.getenv(), System.getProperty("user.home"));
  }

  static ResultCache fromEnvironment(Map<String, String> env, String home) {
    try {
      return chosen(env, home);
    } catch (java.nio.file.InvalidPathException e) {
      return OFF; // an unusable directory name only costs the caching
    }
  }

  private static ResultCache chosen(Map<String, String> env, String home) {
    String dir = env.get(ENVIRONMENT);
    if (dir != null) {
      return dir.isBlank() || dir.equalsIgnoreCase("off") ? OFF : at(Path.of(dir));
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return at(Path.of(xdg, "axdse"));
    }
    return home == null ? OFF : at(Path.of(home, ".cache", "axdse"));
  }

  public boolean enabled() {
    return directory != null;
  }

  /** The cache directory, or null when off. */
  public Path directory() {
    return directory;
  }

  /** The file holding {@code key}'s entry. */
  public Path file(CacheKey key) {
    if (directory == null) {
      throw new IllegalStateException("the cache is off");
    }
    return directory.resolve(key.kind() + "-" + key.hex() + ".bin");
  }

  /** What a look-up found: the verified body, or null and why not ({@code off}, {@code missing}, or a defect). */
  public record Lookup(byte[] body, String problem) {
    public Lookup {
      if ((body == null) == (problem == null)) {
        throw new IllegalArgumentException("a lookup has either a body or a problem");
      }
    }

    public boolean hit() {
      return body != null;
    }
  }

  /** The body stored under {@code key}, verified; see the class description. */
  public Lookup get(CacheKey key) {
    if (directory == null) {
      return new Lookup(null, "off");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file(key));
    } catch (NoSuchFileException e) {
      return new Lookup(null, "missing");
    } catch (IOException | UncheckedIOException e) {
      return new Lookup(null, "unreadable (" + e.getMessage() + ")");
    }
    int nl = 0;
    while (nl < bytes.length && nl < 512 && bytes[nl] != '\n') {
      nl++;
    }
    if (nl >= bytes.length || bytes[nl] != '\n') {
      return new Lookup(null, "corrupt (no header line)");
    }
    String[] h = new String(bytes, 0, nl, StandardCharsets.US_ASCII).split(" ");
    if (h.length != 6 || !h[0].equals(MAGIC)) {
      return new Lookup(null, "corrupt (bad header)");
    }
    if (!h[1].equals(Integer.toString(FORMAT_VERSION))) {
      return new Lookup(null, "stale (format version " + h[1] + ", expected " + FORMAT_VERSION + ")");
    }
    if (!h[2].equals(key.kind()) || !h[3].equals(key.hex())) {
      return new Lookup(null, "mismatched (the entry is for another key)");
    }
    byte[] body = Arrays.copyOfRange(bytes, nl + 1, bytes.length);
    if (!h[4].equals(Integer.toString(body.length))) {
      return new Lookup(null, "corrupt (" + body.length + " bytes, header says " + h[4] + ")");
    }
    if (!h[5].equals(CacheKey.sha256(body))) {
      return new Lookup(null, "corrupt (checksum mismatch)");
    }
    return new Lookup(body, null);
  }

  /**
   * Stores {@code body} under {@code key}, atomically; returns false when the cache is off or cannot be written
   * (a read-only or full disk only costs the next run the computation).
   */
  public boolean put(CacheKey key, byte[] body) {
    if (directory == null) {
      return false;
    }
    byte[] header = (MAGIC + " " + FORMAT_VERSION + " " + key.kind() + " " + key.hex() + " " + body.length + " "
        + CacheKey.sha256(body) + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      AtomicFiles.write(file(key), out -> {
        out.write(header);
        out.write(body);
      });
      return true;
    } catch (UncheckedIOException e) {
      return false;
    }
  }
}
