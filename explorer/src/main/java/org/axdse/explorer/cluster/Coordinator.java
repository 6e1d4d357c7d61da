package org.axdse.explorer.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.axdse.explorer.backend.EvaluationBackend;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.explorer.search.BackendFactory;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.multipliers.util.Bounds;

/**
 * {@code axdse search --backend hazelcast}: joins the cluster as the coordinator member, checks and prepares the
 * workers (shipping the model and library files to those that lack them) and evaluates through a {@link
 * ClusterBackend}. The search itself (population, archive, RNG, checkpoints) stays in the calling process.
 */
public final class Coordinator implements BackendFactory {
  private final ClusterOptions options;
  private final int coordinatorThreads;
  private final int taskTimeoutSeconds;

  /**
   * @param coordinatorThreads candidates the coordinator evaluates itself alongside the workers (0: none while a
   *     worker is ready; with no worker it falls back to the run's {@code --threads})
   * @param taskTimeoutSeconds how long a candidate may run on a worker that is still in the cluster before it is
   *     resubmitted elsewhere (the first result wins); also bounds a worker's preparation
   */
  public Coordinator(ClusterOptions options, int coordinatorThreads, int taskTimeoutSeconds) {
    Bounds.check("--coordinator-threads", coordinatorThreads, 0, Bounds.MAX_THREADS, "threads of one process");
    Bounds.check("--task-timeout", taskTimeoutSeconds, 1, 7 * 24 * 3600, "a week, in seconds");
    this.options = options;
    this.coordinatorThreads = coordinatorThreads;
    this.taskTimeoutSeconds = taskTimeoutSeconds;
  }

  @Override
  public EvaluationBackend open(SearchProblem problem, SearchSettings settings, Consumer<String> log) {
    GenomeCodec codec = GenomeCodec.of(problem.space().restrict(settings.restrictions(), "--restrict"),
        settings.granularity());
    InputTree model = RunSpec.modelInputOf(settings.model());
    InputTree library = RunSpec.inputOf(settings.library(), "--library");
    RunSpec spec = new RunSpec(settings.problemRequest(), model == null ? null : model.ref(),
        library == null ? null : library.ref(), settings.restrictions(), settings.granularity().toString(),
        SpaceFingerprint.of(codec));
    ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
    HazelcastInstance hz = ClusterNode.start(options, "coordinator", 1, Map.of());
    try {
      var local = hz.getCluster().getLocalMember().getAddress();
      messages.add("cluster: coordinator " + local.getHost() + ":" + local.getPort() + " in cluster '"
          + options.name() + "' with " + (hz.getCluster().getMembers().size() - 1) + " other members");
      Workers workers = new Workers(hz, options.secret(), spec, model, library, taskTimeoutSeconds, messages::add);
      workers.start();
      return new ClusterBackend(hz, workers, options.secret(), spec.key(), codec, problem.evaluator(),
          coordinatorThreads, settings.threads(), taskTimeoutSeconds, messages, log);
    } catch (RuntimeException e) {
      hz.shutdown();
      throw e;
    }
  }
}
