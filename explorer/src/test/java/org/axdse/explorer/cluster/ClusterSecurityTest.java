package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axdse.explorer.backend.Candidate;
import org.axdse.explorer.backend.EvaluationBackend;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.explorer.search.SyntheticProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members without the secret are kept out: at the join, at the handshake, and task by task. */
class ClusterSecurityTest {
  private static final String WRONG = "not the right secret at all";

  @TempDir Path tmp;

  @Test
  void memberWithTheWrongSecretDoesNotJoin() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      int p1 = ClusterFixtures.freePort();
      String name = "join" + p1;
      try (Worker good = Worker.start(new SyntheticProblem(),
              ClusterFixtures.options(name, ClusterFixtures.SECRET, p1, List.of()), 1, null, m -> {});
          Worker bad = Worker.start(new SyntheticProblem(),
              ClusterFixtures.options(name, WRONG, ClusterFixtures.freePort(), List.of(p1)), 1, null, m -> {})) {
        // the wrong secret derives another Hazelcast cluster name, so the join request is refused
        assertEquals(1, good.members());
        assertEquals(1, bad.members());
      }
    });
  }

  @Test
  void impostorWithACopiedClusterNameIsRefusedAndGetsNoWork() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      int p1 = ClusterFixtures.freePort();
      int p2 = ClusterFixtures.freePort();
      String name = "impostor" + p1;
      ClusterOptions good = ClusterFixtures.options(name, ClusterFixtures.SECRET, p1, List.of());
      // the impostor read the cluster name off the network but does not know the secret
      ClusterOptions bad = ClusterFixtures.options(name, WRONG, p2, List.of(p1));
      WorkerService impostorService = new WorkerService(new SyntheticProblem(), bad.secret(),
          new InputStore(tmp.resolve("impostor")), 1, m -> {});
      try (Worker worker = Worker.start(new SyntheticProblem(), good, 1, null, m -> {})) {
        HazelcastInstance impostor = ClusterNode.start(bad, good.secret().clusterName(name), "worker", 1,
            Map.of(WorkerService.CONTEXT_KEY, impostorService));
        try {
          assertEquals(2, worker.members(), "the impostor joined at the Hazelcast level");
          SearchSettings settings = ClusterFixtures.settings("synthetic:layers=6,channels=2", 1);
          SearchProblem problem = new SyntheticProblem().open(settings.problemRequest());
          List<String> log = new ArrayList<>();
          List<Candidate> batch = new ArrayList<>();
          ClusterOptions coordinator = ClusterFixtures.options(name, ClusterFixtures.SECRET,
              ClusterFixtures.freePort(), List.of(p1, p2));
          try (EvaluationBackend backend = new Coordinator(coordinator, 0, 30).open(problem, settings, log::add)) {
            GenomeCodec codec = GenomeCodec.of(problem.space(), settings.granularity());
            for (String m : codec.space().usedMultipliers()) {
              int[] g = codec.uniform(m);
              batch.add(new Candidate(g, codec.assignment(g)));
            }
            var results = backend.evaluate(batch, Fidelity.SCREENING, (i, c, r) -> {}, new StopSignal());
            for (int i = 0; i < batch.size(); i++) {
              assertEquals(problem.evaluator().evaluate(batch.get(i).assignment(), Fidelity.SCREENING),
                  results.get(i));
            }
          }
          // one uniform candidate per multiplier of the synthetic library, all on the one honest worker
          assertEquals(batch.size(), worker.evaluations(), "the honest worker evaluated every candidate");
          assertEquals(0, impostorService.evaluations());
          assertTrue(log.stream().anyMatch(l -> l.contains("refused member 127.0.0.1:" + p2
              + ": it failed the secret check")), String.join("\n", log));

          // nor can the impostor have the honest worker evaluate, or relay its handshake
          ClusterTask forged = ClusterTask.signed(bad.secret(), ClusterTask.Kind.HANDSHAKE,
              new Wire.Writer().putBytes(new byte[16]).toBytes());
          byte[] answer = impostor.getExecutorService(ClusterNode.EXECUTOR)
              .submitToMember(forged, impostor.getCluster().getMembers().stream()
                  .filter(m -> m.getAddress().getPort() == p1).findFirst().orElseThrow())
              .get(20, TimeUnit.SECONDS);
          assertTrue(new String(answer, StandardCharsets.UTF_8).contains("refused"));
          assertThrows(Reply.RejectedException.class, () -> Reply.decode(answer, bad.secret(), forged.tag()));
          assertThrows(Reply.RejectedException.class, () -> Reply.decode(answer, good.secret(), forged.tag()));
        } finally {
          impostor.shutdown();
        }
      }
    });
  }
}
