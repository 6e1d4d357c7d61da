package org.axdse.explorer.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axdse.explorer.cli.SyntheticWorkerMain;

/**
 * A synthetic {@code axdse worker} in its own JVM, started from the test class path on 127.0.0.1, with the
 * secret in its environment; its output goes to a file. {@link #close} ends it (SIGTERM, then SIGKILL).
 */
final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final Path output;
  final int port;

  private WorkerProcess(Process process, Path output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /** The java command that runs {@code mainClass} from the test class path, low priority (nice 10). */
  static List<String> java(Class<?> mainClass) {
    List<String> cmd = new ArrayList<>(List.of("nice", "-n", "10",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
    if (Runtime.version().feature() >= 24) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    return cmd;
  }

  /** Starts a worker on {@code port} that joins {@code members}, and waits until it is in the cluster. */
  static WorkerProcess start(Path dir, String cluster, String secret, int port, List<Integer> members, int threads)
      throws IOException, InterruptedException {
    List<String> cmd = java(SyntheticWorkerMain.class);
    // its temporary input store goes into the test's directory, so a killed worker leaves nothing in /tmp
    cmd.add(cmd.indexOf("-cp"), "-Djava.io.tmpdir=" + dir.toAbsolutePath());
    cmd.addAll(List.of("--cluster", cluster, "--port", String.valueOf(port), "--threads", String.valueOf(threads),
        "--failure-timeout", "3", "--members",
        String.join(",", members.stream().map(p -> "127.0.0.1:" + p).toList())));
    Path out = dir.resolve("worker-" + port + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put(ClusterSecret.ENV, secret);
    WorkerProcess w = new WorkerProcess(pb.start(), out, port);
    long deadline = System.currentTimeMillis() + 60_000;
    while (!w.output().contains("stop with Ctrl-C")) {
      if (!w.process.isAlive() || System.currentTimeMillis() > deadline) {
        w.close();
        throw new IllegalStateException("worker on port " + port + " did not start: " + w.output());
      }
      Thread.sleep(50);
    }
    return w;
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: the worker dies at once, mid-evaluation, without leaving the cluster. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
