package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.explorer.search.SurrogateOptions;
import org.axdse.explorer.search.SyntheticProblem;
import org.axdse.results.run.PredictionsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The surrogate lives in the coordinator; workers only simulate, so a cluster run equals a local one. */
class ClusterSurrogateTest {
  @TempDir Path tmp;

  @Test
  void surrogateRunOnACoordinatorAndAWorkerEqualsTheLocalRun() {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      SearchSettings settings = SearchSettings.builder().setModel("synthetic:layers=8,channels=4")
          .setData("synthetic-data").setGenerations(4).optSeed(21).optPopulation(16).optThreads(1)
          .optScreeningImages(100).optSurrogate(new SurrogateOptions(6)).build();
      Path local = tmp.resolve("local");
      new SearchRunner(new SyntheticProblem(), Progress.silent()).start(settings, local, new StopSignal());

      int p1 = ClusterFixtures.freePort();
      String name = "surrogate" + p1;
      try (Worker w = Worker.start(new SyntheticProblem(), ClusterFixtures.options(name, ClusterFixtures.SECRET,
          p1, List.of()), 1, null, m -> {})) {
        Path cluster = tmp.resolve("cluster");
        Coordinator coordinator = new Coordinator(ClusterFixtures.options(name, ClusterFixtures.SECRET,
            ClusterFixtures.freePort(), List.of(p1)), 0, 60);
        new SearchRunner(new SyntheticProblem(), Progress.silent(), coordinator).start(settings, cluster,
            new StopSignal());
        for (String f : List.of("points.json", "front.json", PredictionsCsv.FILE)) {
          assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(cluster.resolve(f)), f);
        }
        assertTrue(w.evaluations() > 0, "the worker simulated");
      }
    });
  }
}
