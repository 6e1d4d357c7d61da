package org.axdse.explorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.cluster.Worker;
import org.axdse.multipliers.util.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code axdse worker}: a cluster member that evaluates candidates for {@code axdse search --backend hazelcast}. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Join a cluster and evaluate candidates for 'axdse search --backend hazelcast' until stopped.")
public final class WorkerCommand implements Callable<Integer> {
  @Mixin ClusterFlags cluster;
  @Option(names = "--threads", paramLabel = "T", description = "Evaluation threads (default: all cores).")
  Integer threads;
  @Option(names = "--store", paramLabel = "DIR",
      description = "Where shipped models and libraries are kept (default: a temporary directory, removed on exit).")
  Path store;

  private final ProblemFactory factory;
  private final PrintStream console;

  public WorkerCommand() {
    this(EngineBinding.standard(), System.out);
  }

  /** A worker that loads problems with {@code factory} and prints its log to {@code console}. */
  public WorkerCommand(ProblemFactory factory, PrintStream console) {
    this.factory = factory;
    this.console = console;
  }

  @Override
  public Integer call() throws InterruptedException {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (t < 1) {
      throw new BadInputException("--threads must be >= 1: " + t);
    }
    Worker worker = Worker.start(factory, cluster.options(), t, store, this::log);
    Thread hook = new Thread(worker::close, "axdse-worker-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    log("worker " + worker.address() + " in cluster '" + cluster.name + "' with " + t + " threads, "
        + worker.members() + " members; stop with Ctrl-C");
    if (cluster.members != null && !cluster.members.isBlank() && worker.members() == 1) {
      log("no member answered at " + cluster.members + ": they may not be running yet, or use another --cluster "
          + "name or secret; waiting for members to join");
    }
    worker.awaitShutdown();
    log("worker stopped after " + worker.evaluations() + " evaluations");
    return 0;
  }

  private synchronized void log(String line) {
    console.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    console.flush();
  }
}
