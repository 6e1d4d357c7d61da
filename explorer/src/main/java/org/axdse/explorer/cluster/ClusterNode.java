package org.axdse.explorer.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.util.BadInputException;

/**
 * Starts an embedded Hazelcast member with the cluster's security settings: bound to one interface only, TCP/IP
 * join with the given members (multicast, auto-detection, Jet and phone-home off), the cluster name derived from
 * the secret, only {@link ClusterTask}s decoded by a fixed factory and Java serialization restricted to
 * Hazelcast's own allow-list. Fails with a one-line error when the member cannot start.
 */
final class ClusterNode {
  static final String EXECUTOR = "axdse";

  private ClusterNode() {}

  /**
   * A member for {@code role} ("worker" or "coordinator") running {@code threads} task threads; {@code context}
   * is Hazelcast's user context (holds the {@link WorkerService} on workers).
   */
  static HazelcastInstance start(ClusterOptions options, String role, int threads, Map<String, Object> context) {
    return start(options, options.secret().clusterName(options.name()), role, threads, context);
  }

  /** As {@link #start(ClusterOptions, String, int, Map)} with the Hazelcast cluster name given (tests). */
  static HazelcastInstance start(ClusterOptions options, String clusterName, String role, int threads,
      Map<String, Object> context) {
    QuietLogging.install();
    Config c = new Config();
    c.setClusterName(clusterName);
    c.setInstanceName("axdse-" + role + "-" + UUID.randomUUID());
    c.setProperty("hazelcast.logging.type", "jdk");
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.setProperty("hazelcast.local.localAddress", options.bindAddress());
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    c.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(options.failureTimeoutSeconds()));
    c.setProperty("hazelcast.wait.seconds.before.join", "1");
    c.setProperty("hazelcast.max.join.seconds", "20");
    c.setProperty("hazelcast.health.monitoring.level", "OFF");
    c.setProperty("hazelcast.diagnostics.enabled", "false");
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(options.port() == 0 ? ClusterOptions.DEFAULT_PORT : options.port());
    n.setPortAutoIncrement(options.port() == 0);
    n.setPortCount(100);
    n.getInterfaces().setEnabled(true).addInterface(options.bindAddress());
    n.getMemcacheProtocolConfig().setEnabled(false);
    JoinConfig j = n.getJoin();
    j.getMulticastConfig().setEnabled(false);
    j.getAutoDetectionConfig().setEnabled(false);
    j.getTcpIpConfig().setEnabled(true).setMembers(options.members()).setConnectionTimeoutSeconds(3);
    c.getJetConfig().setEnabled(false);
    c.getExecutorConfig(EXECUTOR).setPoolSize(Math.max(1, threads)).setStatisticsEnabled(false);
    c.getSerializationConfig().addDataSerializableFactory(ClusterTask.FACTORY_ID, new ClusterTask.Factory())
        .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
    c.getMemberAttributeConfig().setAttribute("axdse.role", role);
    c.setUserContext(new ConcurrentHashMap<>(context));
    try {
      return Hazelcast.newHazelcastInstance(c);
    } catch (HazelcastException | IllegalStateException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new BadInputException("cannot start the cluster member on " + options.bindAddress()
          + (options.port() == 0 ? "" : ":" + options.port()) + ": " + m.replaceAll("[\\r\\n]+", " "));
    }
  }
}
