package org.axdse.explorer.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A worker's answer to a {@link ClusterTask}: a status and a body, tagged with the secret and bound to the
 * request's tag, so a reply cannot be forged without the secret nor replayed for another request.
 */
record Reply(Status status, byte[] body) {
  private static final byte[] DOMAIN = "axdse-reply".getBytes(StandardCharsets.UTF_8);

  enum Status {
    OK,
    /** The task failed; the body is a one-line message. */
    ERROR,
    /** {@link ClusterTask.Kind#PREPARE}: the worker lacks the run's input files; send them. */
    NEED_INPUTS
  }

  /** A reply that could not be checked or is not from a worker of this cluster. */
  static final class RejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RejectedException(String message) {
      super(message);
    }
  }

  static Reply ok(byte[] body) {
    return new Reply(Status.OK, body);
  }

  static Reply error(String message) {
    return new Reply(Status.ERROR, message.getBytes(StandardCharsets.UTF_8));
  }

  String message() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The reply as bytes: status, body, then the tag over the request tag, status and body. */
  byte[] encode(ClusterSecret secret, byte[] requestTag) {
    byte[] head = {(byte) status.ordinal()};
    byte[] t = secret.tag(DOMAIN, requestTag, head, body);
    byte[] out = new byte[1 + body.length + t.length];
    out[0] = head[0];
    System.arraycopy(body, 0, out, 1, body.length);
    System.arraycopy(t, 0, out, 1 + body.length, t.length);
    return out;
  }

  /** An untagged error, from a member that cannot tag (it is no worker); the coordinator rejects it. */
  static byte[] unsigned(String message) {
    byte[] m = message.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[1 + m.length];
    out[0] = (byte) Status.ERROR.ordinal();
    System.arraycopy(m, 0, out, 1, m.length);
    return out;
  }

  /** Decodes and checks {@code bytes}; throws {@link RejectedException} unless tagged with {@code secret}. */
  static Reply decode(byte[] bytes, ClusterSecret secret, byte[] requestTag) {
    int n = ClusterSecret.TAG_BYTES;
    if (bytes == null || bytes.length < 1 + n || bytes[0] < 0 || bytes[0] >= Status.values().length) {
      throw new RejectedException(bytes != null && bytes.length > 1
          ? "untagged reply: " + new String(bytes, 1, Math.min(bytes.length - 1, 200), StandardCharsets.UTF_8)
          : "malformed reply");
    }
    byte[] body = Arrays.copyOfRange(bytes, 1, bytes.length - n);
    byte[] t = Arrays.copyOfRange(bytes, bytes.length - n, bytes.length);
    if (!secret.verify(t, DOMAIN, requestTag, new byte[] {bytes[0]}, body)) {
      throw new RejectedException("reply not tagged with the cluster secret");
    }
    return new Reply(Status.values()[bytes[0]], body);
  }
}
