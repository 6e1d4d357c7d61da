package org.axdse.explorer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.junit.jupiter.api.Test;

class LocalBackendTest {
  private static Candidate candidate(int i) {
    return new Candidate(new int[] {i}, new Assignment(Map.of("l", LayerAssignment.uniform("m" + i))));
  }

  @Test
  void resultsComeBackInBatchOrderWhateverTheCompletionOrder() {
    // Later candidates finish first (shorter sleeps), yet results are in batch order.
    CandidateEvaluator slowFirst = (a, f) -> {
      int i = Integer.parseInt(a.of("l").orElseThrow().multiplierOf(0).substring(1));
      try {
        Thread.sleep(5L * (8 - i));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new CandidateResult(i / 10.0, 1, Double.NaN);
    };
    List<Candidate> batch = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      batch.add(candidate(i));
    }
    List<Integer> seen = new ArrayList<>();
    try (EvaluationBackend b = EvaluationBackend.local(slowFirst, 4)) {
      List<CandidateResult> r = b.evaluate(batch, Fidelity.SCREENING, (i, c, res) -> seen.add(i), new StopSignal());
      for (int i = 0; i < 8; i++) {
        assertEquals(i / 10.0, r.get(i).accuracy());
      }
    }
    assertEquals(8, seen.size());
  }

  @Test
  void aStopRequestEndsTheBatch() {
    StopSignal stop = new StopSignal();
    CandidateEvaluator stopping = (a, f) -> {
      stop.requestStop();
      return new CandidateResult(0.5, 1, Double.NaN);
    };
    try (EvaluationBackend b = EvaluationBackend.local(stopping, 1)) {
      assertThrows(StoppedException.class, () -> b.evaluate(List.of(candidate(0), candidate(1), candidate(2)),
          Fidelity.FINAL, (i, c, r) -> {}, stop));
    }
  }
}
