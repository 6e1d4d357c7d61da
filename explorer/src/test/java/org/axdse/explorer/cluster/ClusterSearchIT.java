package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.explorer.checkpoint.EvaluationLog;
import org.axdse.explorer.checkpoint.EvaluationRecord;
import org.axdse.explorer.cli.SyntheticSearchMain;
import org.axdse.explorer.search.SearchRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse search --backend hazelcast} (in this JVM) with two {@code axdse worker} processes on 127.0.0.1,
 * against a local run with the same seed: the same front byte for byte, also when workers are killed with
 * SIGKILL in the middle of a generation.
 */
class ClusterSearchIT {
  @TempDir Path tmp;

  private static List<String> search(Path out, String model) {
    return List.of("--model", model, "--data", "synthetic-data", "--seed", "31", "--generations", "7",
        "--population", "16", "--eval-images", "100", "--threads", "2", "--baselines", "uniform", "--out",
        out.toString());
  }

  private List<String> coordinator(Path out, String model, String name, int... workers) {
    List<String> a = new ArrayList<>(search(out, model));
    a.addAll(List.of("--backend", "hazelcast", "--cluster", name, "--failure-timeout", "3",
        "--secret-file", ClusterFixtures.secretFile(tmp, ClusterFixtures.SECRET).toString(),
        "--members", String.join(",", Arrays.stream(workers).mapToObj(p -> "127.0.0.1:" + p).toList())));
    return a;
  }

  private static int run(List<String> args) {
    return SyntheticSearchMain.commandLine().execute(args.toArray(new String[0]));
  }

  @Test
  void twoWorkerProcessesGiveTheFrontOfALocalRun() {
    assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
      Path local = tmp.resolve("local");
      assertEquals(0, run(search(local, "synthetic:layers=8,channels=4")));
      int p1 = ClusterFixtures.freePort();
      int p2 = ClusterFixtures.freePort();
      String name = "same" + p1;
      try (WorkerProcess w1 = WorkerProcess.start(tmp, name, ClusterFixtures.SECRET, p1, List.of(), 1);
          WorkerProcess w2 = WorkerProcess.start(tmp, name, ClusterFixtures.SECRET, p2, List.of(p1), 1)) {
        Path cluster = tmp.resolve("cluster");
        assertEquals(0, run(coordinator(cluster, "synthetic:layers=8,channels=4", name, p1, p2)));
        for (String f : List.of("front.json", "points.json", "baselines.json")) {
          assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(cluster.resolve(f)), f);
        }
        String log = Files.readString(cluster.resolve("search.log"));
        assertTrue(evaluationsOf(log, p1) > 0 && evaluationsOf(log, p2) > 0, log);
        assertTrue(w1.output().contains("loaded run") && w2.output().contains("loaded run"), w1.output());
      }
    });
  }

  @Test
  void killedWorkersLoseNothingAndTheLastFallsBackToLocalEvaluation() {
    assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
      Path local = tmp.resolve("local");
      assertEquals(0, run(search(local, "synthetic:layers=8,channels=4")));
      int p1 = ClusterFixtures.freePort();
      int p2 = ClusterFixtures.freePort();
      String name = "lost" + p1;
      Path cluster = tmp.resolve("cluster");
      ExecutorService coordinatorThread = Executors.newSingleThreadExecutor();
      try (WorkerProcess w1 = WorkerProcess.start(tmp, name, ClusterFixtures.SECRET, p1, List.of(), 2);
          WorkerProcess w2 = WorkerProcess.start(tmp, name, ClusterFixtures.SECRET, p2, List.of(p1), 2)) {
        // each evaluation sleeps 100 ms (the sleep does not change any result), so a generation's evaluations
        // are in flight for a few hundred milliseconds after its predecessor's line is logged
        Future<Integer> search = coordinatorThread.submit(() ->
            run(coordinator(cluster, "synthetic:layers=8,channels=4,sleep=100", name, p1, p2)));
        awaitGeneration(cluster, 2, search);
        Thread.sleep(40);
        w2.kill();
        awaitGeneration(cluster, 4, search);
        Thread.sleep(40);
        w1.kill();
        assertEquals(0, search.get(120, TimeUnit.SECONDS));
      } finally {
        coordinatorThread.shutdownNow();
      }
      assertArrayEquals(Files.readAllBytes(local.resolve("front.json")),
          Files.readAllBytes(cluster.resolve("front.json")));
      assertArrayEquals(Files.readAllBytes(local.resolve("points.json")),
          Files.readAllBytes(cluster.resolve("points.json")));
      String log = Files.readString(cluster.resolve("search.log"));
      assertTrue(log.contains("cluster: resubmitted Candidate["), log);
      assertTrue(log.contains("no worker left: evaluating locally with 2 threads"), log);
      Set<String> keys = new HashSet<>();
      List<EvaluationRecord> records = EvaluationLog.read(SearchRunner.evaluationLog(cluster)).records();
      for (EvaluationRecord r : records) {
        assertTrue(keys.add(r.fidelity() + Arrays.toString(r.genome())), "evaluated into the log twice: " + r);
      }
    });
  }

  private static void awaitGeneration(Path run, int generation, Future<?> search) throws Exception {
    Path log = run.resolve("search.log");
    String line = "generation " + generation + "/";
    while (!(Files.exists(log) && Files.readString(log).contains(line))) {
      if (search.isDone()) {
        throw new IllegalStateException("the search ended before generation " + generation + ": " + search.get());
      }
      Thread.sleep(10);
    }
  }

  private static long evaluationsOf(String log, int port) {
    Matcher m = Pattern.compile("127\\.0\\.0\\.1:" + port + "=(\\d+)").matcher(log);
    long last = 0;
    while (m.find()) {
      last = Long.parseLong(m.group(1));
    }
    return last;
  }

}
