package org.axdse.explorer.cluster;

import java.util.List;
import java.util.Objects;
import org.axdse.multipliers.util.BadInputException;

/**
 * How a member joins the cluster: the cluster name, the members to join by TCP/IP ({@code host:port}; no
 * multicast, no discovery), the one interface address to bind (loopback by default), the port (0: the first free
 * port from 5701 up), the shared secret, and the failure timeout (seconds without a heartbeat before a member is
 * declared dead and its candidates are resubmitted).
 */
public record ClusterOptions(String name, List<String> members, String bindAddress, int port, ClusterSecret secret,
    int failureTimeoutSeconds) {
  public static final String DEFAULT_NAME = "axdse";
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;
  public static final int DEFAULT_FAILURE_TIMEOUT = 10;

  public ClusterOptions {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new BadInputException("--cluster: a name of 1-64 letters, digits, '.', '_' or '-': '" + name + "'");
    }
    members = List.copyOf(members);
    for (String m : members) {
      if (!m.matches("[A-Za-z0-9.\\-]+:\\d{1,5}") && !m.matches("\\[[0-9A-Fa-f:]+]:\\d{1,5}")) {
        throw new BadInputException("--members: '" + m + "' is not host:port");
      }
      int memberPort = Integer.parseInt(m.substring(m.lastIndexOf(':') + 1));
      if (memberPort < 1 || memberPort > 65535) {
        throw new BadInputException("--members: '" + m + "' has port " + memberPort + ", expected 1-65535");
      }
    }
    Objects.requireNonNull(bindAddress, "bind address");
    BindAddress.check(bindAddress);
    if (port < 0 || port > 65535) {
      throw new BadInputException("--port must be in 1-65535: " + port);
    }
    Objects.requireNonNull(secret, "secret");
    if (failureTimeoutSeconds < 2 || failureTimeoutSeconds > 3600) {
      throw new BadInputException("--failure-timeout must be 2-3600 seconds: " + failureTimeoutSeconds);
    }
  }

  /** Splits a {@code --members} value ({@code host:port,host:port}); null or blank gives none. */
  public static List<String> parseMembers(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return List.of(value.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
