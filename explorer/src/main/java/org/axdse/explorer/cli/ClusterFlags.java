package org.axdse.explorer.cli;

import java.nio.file.Path;
import java.util.List;
import org.axdse.explorer.cluster.ClusterOptions;
import org.axdse.explorer.cluster.ClusterSecret;
import picocli.CommandLine.Option;

/**
 * The cluster flags shared by {@code axdse worker} and {@code axdse search --backend hazelcast}. The secret is
 * read from {@code AXDSE_CLUSTER_SECRET} or {@code --secret-file}; there is deliberately no flag for the secret
 * itself.
 */
final class ClusterFlags {
  static final List<String> NAMES = List.of("--cluster", "--members", "--bind", "--port", "--secret-file",
      "--failure-timeout");

  @Option(names = "--cluster", paramLabel = "NAME", defaultValue = ClusterOptions.DEFAULT_NAME,
      description = "Cluster name (default ${DEFAULT-VALUE}); members join only a cluster of the same name and secret.")
  String name;
  @Option(names = "--members", paramLabel = "HOST:PORT,...", description = "Members to join (TCP/IP; no multicast).")
  String members;
  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ClusterOptions.DEFAULT_BIND,
      description = "The one interface address to listen on (default ${DEFAULT-VALUE}, loopback only).")
  String bind;
  @Option(names = "--port", paramLabel = "P", defaultValue = "0",
      description = "Port to listen on (default: the first free port from 5701).")
  int port;
  @Option(names = "--secret-file", paramLabel = "FILE",
      description = "File holding the shared secret (default: the AXDSE_CLUSTER_SECRET environment variable).")
  Path secretFile;
  @Option(names = "--failure-timeout", paramLabel = "S", defaultValue = "" + ClusterOptions.DEFAULT_FAILURE_TIMEOUT,
      description = "Seconds without a heartbeat before a member is declared dead (default ${DEFAULT-VALUE}).")
  int failureTimeout;

  ClusterOptions options() {
    return new ClusterOptions(name, ClusterOptions.parseMembers(members), bind, port, ClusterSecret.load(secretFile),
        failureTimeout);
  }
}
