package org.axdse.explorer.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;

/**
 * The cluster's shared secret, and the HMAC-SHA256 (RFC 2104) tags made with it. The secret comes from the
 * environment variable {@value #ENV} or from a file ({@code --secret-file}), never from the command line, where
 * other users of the machine could read it. It is never sent over the network: members prove they know it by
 * tagging what they send.
 */
public final class ClusterSecret {
  /** The environment variable that holds the secret when no {@code --secret-file} is given. */
  public static final String ENV = "AXDSE_CLUSTER_SECRET";
  static final int MIN_LENGTH = 16;
  static final int TAG_BYTES = 32;

  private final SecretKeySpec key;

  private ClusterSecret(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** A secret from raw bytes (at least {@value #MIN_LENGTH}). */
  public static ClusterSecret of(byte[] secret) {
    if (secret.length < MIN_LENGTH) {
      throw new BadInputException("the cluster secret must be at least " + MIN_LENGTH + " bytes long (it has "
          + secret.length + ")");
    }
    return new ClusterSecret(secret.clone());
  }

  /**
   * The secret from {@code file} when given, else from {@value #ENV}; a missing or short secret is a one-line
   * error. Surrounding white space (a trailing newline) is not part of the secret.
   */
  public static ClusterSecret load(Path file) {
    if (file != null) {
      try {
        return of(Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8));
      } catch (BadInputException e) {
        throw BadInputException.in(file, e.getMessage());
      } catch (NoSuchFileException e) {
        throw BadInputException.in(file, "no such file (--secret-file)");
      } catch (IOException e) {
        throw IoProblems.badInput(file, e);
      }
    }
    String env = System.getenv(ENV);
    if (env == null || env.isBlank()) {
      throw new BadInputException("the cluster needs a shared secret: set " + ENV + " or give --secret-file FILE");
    }
    return of(env.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC-SHA256 of the concatenated {@code parts}. */
  byte[] tag(byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      for (byte[] p : parts) {
        mac.update(p);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable: " + e.getMessage(), e);
    }
  }

  /** True when {@code tag} is the tag of {@code parts} (compared in constant time). */
  boolean verify(byte[] tag, byte[]... parts) {
    return tag != null && MessageDigest.isEqual(tag, tag(parts));
  }

  /**
   * The Hazelcast cluster name for the user's {@code name}: the name plus a tag of it, so members with another
   * secret have another cluster name and Hazelcast refuses their join. The name travels in clear text, so this
   * is a filter, not a proof; members prove the secret with the handshake of {@link Coordinator}.
   */
  String clusterName(String name) {
    byte[] t = tag(("axdse-cluster-name:" + name).getBytes(StandardCharsets.UTF_8));
    return name + "-" + HexFormat.of().formatHex(t, 0, 8);
  }
}
