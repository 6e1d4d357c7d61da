package org.axdse.explorer.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.checkpoint.EvaluationLog;
import org.axdse.explorer.search.BackendFactory;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.explorer.search.SyntheticProblem;

/**
 * The cluster benchmark for BENCHMARKS.md: evaluations per minute of one local process against a coordinator
 * with two worker processes on this machine, for a synthetic evaluation that keeps a core busy for {@code spin}
 * ms, and the per-task overhead the coordinator measured. Arguments: spin milliseconds, generations.
 */
public final class ClusterBenchMain {
  private ClusterBenchMain() {}

  public static void main(String[] args) throws Exception {
    int spin = Integer.parseInt(args[0]);
    int generations = Integer.parseInt(args[1]);
    Path tmp = Files.createTempDirectory("axdse-cluster-bench");
    String model = "synthetic:layers=12,channels=4,spin=" + spin;
    SearchSettings settings = SearchSettings.builder().setModel(model).setData("synthetic-data")
        .setGenerations(generations).optSeed(3).optPopulation(16).optThreads(2).optScreeningImages(100)
        .optBaselines(List.of()).build();
    double local = run(settings, tmp.resolve("local"), BackendFactory.local());
    int p1 = ClusterFixtures.freePort();
    int p2 = ClusterFixtures.freePort();
    String name = "bench" + p1;
    try (WorkerProcess w1 = WorkerProcess.start(tmp, name, ClusterFixtures.SECRET, p1, List.of(), 1);
        WorkerProcess w2 = WorkerProcess.start(tmp, name, ClusterFixtures.SECRET, p2, List.of(p1), 1)) {
      Coordinator c = new Coordinator(ClusterFixtures.options(name, ClusterFixtures.SECRET,
          ClusterFixtures.freePort(), List.of(p1, p2)), 0, 600);
      double cluster = run(settings, tmp.resolve("cluster"), c);
      String overhead = Files.readAllLines(tmp.resolve("cluster/search.log")).stream()
          .filter(l -> l.contains("remote evaluations")).findFirst().orElse("?");
      System.out.printf(Locale.ROOT, "spin %d ms: local (2 threads) %.0f evaluations/min; coordinator + 2 workers "
          + "(1 thread each) %.0f evaluations/min%n%s%n", spin, local, cluster, overhead);
    }
  }

  private static double run(SearchSettings settings, Path dir, BackendFactory backends) {
    long t0 = System.nanoTime();
    new SearchRunner(new SyntheticProblem(), Progress.silent(), backends).start(settings, dir, new StopSignal());
    double minutes = (System.nanoTime() - t0) / 60e9;
    return EvaluationLog.read(SearchRunner.evaluationLog(dir)).records().size() / minutes;
  }
}
