package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.explorer.search.SyntheticProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two workers and a coordinator in this JVM (separate Hazelcast members on loopback) against a local run. */
class ClusterSearchTest {
  @TempDir Path tmp;

  @Test
  void coordinatorWithTwoWorkersFindsTheFrontOfALocalRun() {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      Path local = tmp.resolve("local");
      new SearchRunner(new SyntheticProblem(), Progress.silent())
          .start(ClusterFixtures.settings("synthetic:layers=8,channels=4", 2), local, new StopSignal());

      int p1 = ClusterFixtures.freePort();
      int p2 = ClusterFixtures.freePort();
      String name = "test" + p1;
      try (Worker w1 = Worker.start(new SyntheticProblem(), ClusterFixtures.options(name, ClusterFixtures.SECRET,
              p1, List.of()), 1, null, m -> {});
          Worker w2 = Worker.start(new SyntheticProblem(), ClusterFixtures.options(name, ClusterFixtures.SECRET,
              p2, List.of(p1)), 1, null, m -> {})) {
        Path cluster = tmp.resolve("cluster");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Coordinator coordinator = new Coordinator(ClusterFixtures.options(name, ClusterFixtures.SECRET,
            ClusterFixtures.freePort(), List.of(p1, p2)), 0, 60);
        new SearchRunner(new SyntheticProblem(), new Progress(new PrintStream(console, true, StandardCharsets.UTF_8),
            false), coordinator).start(ClusterFixtures.settings("synthetic:layers=8,channels=4", 2), cluster,
            new StopSignal());
        assertArrayEquals(Files.readAllBytes(local.resolve("front.json")),
            Files.readAllBytes(cluster.resolve("front.json")));
        assertArrayEquals(Files.readAllBytes(local.resolve("points.json")),
            Files.readAllBytes(cluster.resolve("points.json")));
        assertTrue(w1.evaluations() > 0 && w2.evaluations() > 0,
            "both workers evaluated: " + w1.evaluations() + ", " + w2.evaluations());
        String log = Files.readString(cluster.resolve("search.log"));
        assertTrue(log.contains("ready with 1 threads"), log);
        assertTrue(log.contains("workers: 127.0.0.1:"), log);
        assertEquals(console.toString(StandardCharsets.UTF_8).lines().count(), log.lines().count());
      }
    });
  }

  @Test
  void workersReceiveTheModelAndLibraryFilesOnceAndLoadThemOnce() {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      Path inputs = Files.createDirectories(tmp.resolve("inputs/lib"));
      Files.writeString(inputs.resolve("library.txt"), "the library");
      Path model = Files.writeString(tmp.resolve("inputs/model.txt"), "synthetic:layers=6,channels=2");
      SearchSettings settings = SearchSettings.builder().setModel(model.toString()).setData("synthetic-data")
          .optLibrary(inputs.toString()).setGenerations(2).optPopulation(8).optThreads(1).optScreeningImages(50)
          .optBaselines(List.of()).build();
      Path local = tmp.resolve("local");
      new SearchRunner(new FileModelProblem(), Progress.silent()).start(settings, local, new StopSignal());

      int p1 = ClusterFixtures.freePort();
      String name = "ship" + p1;
      FileModelProblem workerFactory = new FileModelProblem();
      try (Worker w = Worker.start(workerFactory, ClusterFixtures.options(name, ClusterFixtures.SECRET, p1,
          List.of()), 1, tmp.resolve("store"), m -> {})) {
        for (String run : List.of("first", "second")) {
          Coordinator coordinator = new Coordinator(ClusterFixtures.options(name, ClusterFixtures.SECRET,
              ClusterFixtures.freePort(), List.of(p1)), 0, 60);
          new SearchRunner(new FileModelProblem(), Progress.silent(), coordinator)
              .start(settings, tmp.resolve(run), new StopSignal());
          assertArrayEquals(Files.readAllBytes(local.resolve("front.json")),
              Files.readAllBytes(tmp.resolve(run).resolve("front.json")));
        }
        assertTrue(Files.readString(tmp.resolve("first/search.log")).contains("shipping the run's inputs to"));
        assertFalse(Files.readString(tmp.resolve("second/search.log")).contains("shipping"),
            "the worker keeps what it received");
        assertEquals(1, workerFactory.loads.get(), "the worker loads the run once");
        assertTrue(w.evaluations() > 0);
      }
    });
  }

  @Test
  void workerThatJoinsMidRunTakesWorkFromTheNextGenerationOn() {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      Path local = tmp.resolve("local");
      new SearchRunner(new SyntheticProblem(), Progress.silent())
          .start(noBaselines("synthetic:layers=8,channels=4"), local, new StopSignal());
      int p1 = ClusterFixtures.freePort();
      int p2 = ClusterFixtures.freePort();
      String name = "join" + p1;
      Path cluster = tmp.resolve("cluster");
      try (Worker w1 = Worker.start(new SyntheticProblem(), ClusterFixtures.options(name, ClusterFixtures.SECRET,
          p1, List.of()), 1, null, m -> {})) {
        Coordinator coordinator = new Coordinator(ClusterFixtures.options(name, ClusterFixtures.SECRET,
            ClusterFixtures.freePort(), List.of(p1)), 0, 60);
        // 30 ms per evaluation (the sleep changes no result) leaves time to join while the search runs
        Thread search = new Thread(() -> new SearchRunner(new SyntheticProblem(), Progress.silent(), coordinator)
            .start(noBaselines("synthetic:layers=8,channels=4,sleep=30"), cluster, new StopSignal()));
        search.start();
        while (!Files.exists(cluster.resolve("search.log"))
            || !Files.readString(cluster.resolve("search.log")).contains("generation 1/")) {
          Thread.sleep(10);
        }
        try (Worker w2 = Worker.start(new SyntheticProblem(), ClusterFixtures.options(name,
            ClusterFixtures.SECRET, p2, List.of(p1)), 1, null, m -> {})) {
          search.join();
          assertTrue(w2.evaluations() > 0, "the late worker took work");
        }
      }
      assertArrayEquals(Files.readAllBytes(local.resolve("front.json")),
          Files.readAllBytes(cluster.resolve("front.json")));
      String log = Files.readString(cluster.resolve("search.log"));
      assertTrue(log.contains("member 127.0.0.1:" + p2 + " joined; it takes work from the next generation on"),
          log);
    });
  }

  private static SearchSettings noBaselines(String model) {
    SearchSettings s = ClusterFixtures.settings(model, 2);
    return new SearchSettings(s.model(), s.data(), s.quant(), s.library(), s.seed(), s.population(), s.budget(),
        s.granularity(), s.restrictions(), s.objectives(), s.maxAccuracyDrop(), s.screeningImages(),
        s.finalImages(), s.threads(), List.of());
  }
}
