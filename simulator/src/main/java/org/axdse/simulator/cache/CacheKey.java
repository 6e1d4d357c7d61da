package org.axdse.simulator.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of one cached result: its {@code kind} (a file-name-safe word such as {@code exact}) and the
 * SHA-256, in lower-case hex, of everything the result depends on, fed to a {@link Builder} in a fixed order.
 */
public record CacheKey(String kind, String hex) {
  public CacheKey {
    if (kind == null || !kind.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("cache kind must be 1-32 of a-z, 0-9 and '-': " + kind);
    }
    if (hex == null || !hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("cache key must be 64 lower-case hex digits: " + hex);
    }
  }

  /** A builder for a key of {@code kind}; the kind is hashed too, so two kinds never share a key. */
  public static Builder builder(String kind) {
    return new Builder(kind);
  }

  /** The SHA-256 of {@code bytes} in lower-case hex. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Feeds the parts of a key. Every part is length-prefixed, so {@code add("ab").add("c")} and
   * {@code add("a").add("bc")} give different keys.
   */
  public static final class Builder {
    private final String kind;
    private final MessageDigest digest = digest();

    private Builder(String kind) {
      this.kind = kind;
      add(kind);
    }

    public Builder add(String part) {
      return add(part.getBytes(StandardCharsets.UTF_8));
    }

    public Builder add(long part) {
      digest.update(ByteBuffer.allocate(9).put((byte) 'L').putLong(part).array());
      return this;
    }

    public Builder add(byte[] part) {
      return add(part, 0, part.length);
    }

    public Builder add(byte[] part, int offset, int length) {
      digest.update(ByteBuffer.allocate(9).put((byte) 'B').putLong(length).array());
      digest.update(part, offset, length);
      return this;
    }

    public Builder add(int[] part) {
      ByteBuffer b = ByteBuffer.allocate(4 * part.length);
      b.asIntBuffer().put(part);
      return add(b.array());
    }

    public CacheKey build() {
      return new CacheKey(kind, HexFormat.of().formatHex(digest.digest()));
    }
  }
}
