package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.axdse.simulator.engine.Accuracy;
import org.axdse.simulator.engine.Evaluation;
import org.junit.jupiter.api.Test;

/**
 * The "recovered" figure of {@code compensate}: a share of the drop when there is one, and a sentence (never
 * "NaN%") when the assignment already scores at least the model's own exact int8, as when the start model was
 * compensated or retrained before.
 */
class CompensateRecoveredTest {
  static Evaluation eval(double exact, double assignment) {
    return new Evaluation(100, null, new Accuracy(exact, null), new Accuracy(assignment, null), 1, null, null, null,
        List.of());
  }

  static String printed(Evaluation before, Evaluation after) {
    StringWriter s = new StringWriter();
    try (PrintWriter w = new PrintWriter(s)) {
      CompensateCommand.printAccuracies(w, before, after);
    }
    return s.toString();
  }

  @Test
  void aDropGivesItsRecoveredShare() {
    assertEquals(0.75, CompensateCommand.recovered(eval(0.8, 0.4), eval(0.8, 0.7)), 1e-12);
    assertTrue(printed(eval(0.8, 0.4), eval(0.8, 0.7)).contains("recovered 75.0% of the drop"));
  }

  @Test
  void noDropPrintsASentenceNotNaN() {
    String text = printed(eval(0.19, 0.86), eval(0.19, 0.88));
    assertFalse(text.contains("NaN"), text);
    assertTrue(text.contains("no drop to recover"), text);
    assertTrue(Double.isNaN(CompensateCommand.recovered(eval(0.19, 0.86), eval(0.19, 0.88))));
  }
}
