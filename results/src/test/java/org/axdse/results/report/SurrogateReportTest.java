package org.axdse.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.DemoRun;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.PredictedPoint;
import org.axdse.results.run.PredictionsCsv;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.axdse.results.run.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The surrogate's predictions in the run directory and the report's predicted-vs-simulated section. */
class SurrogateReportTest {
  @TempDir Path tmp;

  /** Predictions for every point after the first {@code skip}: the simulated accuracy warped and shuffled a bit. */
  private static List<PredictedPoint> predictions(Run run, int skip) {
    List<PredictedPoint> out = new ArrayList<>();
    for (EvaluatedPoint p : run.points().subList(skip, run.points().size())) {
      double s = p.screeningAccuracy();
      double guess = Math.min(1, Math.max(0, 0.8 * s + 0.1 + 0.05 * Math.sin(7.0 * p.id())));
      out.add(new PredictedPoint(p.id(), Math.max(1, p.generation()), guess, s));
    }
    return out;
  }

  @Test
  void predictionsRoundTripAndAMissingFileIsNoPredictions() {
    Path dir = tmp.resolve("run");
    Run run = SyntheticRun.run(3);
    RunDirectory.of(dir).write(run);
    assertEquals(List.of(), PredictionsCsv.read(dir), "a run without predictions.csv has none");
    List<PredictedPoint> p = predictions(run, 5);
    PredictionsCsv.write(dir, p);
    assertEquals(p, PredictionsCsv.read(dir));
  }

  @Test
  void aBadRowIsOneLineNamingTheFileAndLine() throws Exception {
    Path dir = tmp.resolve("bad");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(PredictionsCsv.FILE),
        "id,generation,predicted_accuracy,simulated_accuracy\n3,1,0.5,0.4\n4,1,1.5,0.4\n");
    BadInputException e = assertThrows(BadInputException.class, () -> PredictionsCsv.read(dir));
    assertTrue(e.getMessage().contains(PredictionsCsv.FILE) && e.getMessage().contains(":3"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void reportShowsTheScatterWithRhoAndRSquaredWhenTheRunHasPredictions() throws Exception {
    Path dir = tmp.resolve("with");
    Run run = SyntheticRun.run(5);
    RunDirectory.of(dir).write(run);
    List<PredictedPoint> p = predictions(run, 4);
    PredictionsCsv.write(dir, p);
    String html = Files.readString(RunReport.write(dir, dir));
    assertTrue(html.contains("Surrogate: predicted vs simulated accuracy"));
    assertTrue(Files.exists(dir.resolve("plots/surrogate.png")) && Files.exists(dir.resolve("plots/surrogate.svg")));
    assertTrue(html.contains(p.size() + " points were simulated on the surrogate"), "the count of points");
    assertTrue(html.contains(String.format(Locale.ROOT, "Spearman rho %.3f", spearman(p))), "rho by brute force");
    assertTrue(html.contains(String.format(Locale.ROOT, "R\u00b2 %.3f", rSquared(p))), "R^2 of the predictions");
  }

  @Test
  void oldRunsLoadAndReportWithoutTheSection() throws Exception {
    Path out = tmp.resolve("demo-report");
    Files.createDirectories(out);
    assertEquals(List.of(), PredictionsCsv.read(DemoRun.dir()));
    String html = Files.readString(RunReport.write(DemoRun.dir(), out));
    assertFalse(html.contains("Surrogate"));
    assertFalse(Files.exists(out.resolve("plots/surrogate.png")));
  }

  /** Spearman's rho from its definition: Pearson correlation of the ranks (average ranks for ties). */
  static double spearman(List<PredictedPoint> p) {
    double[] a = ranks(p.stream().mapToDouble(PredictedPoint::predicted).toArray());
    double[] b = ranks(p.stream().mapToDouble(PredictedPoint::simulated).toArray());
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static double[] ranks(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int less = 0;
      int equal = 0;
      for (double w : v) {
        less += w < v[i] ? 1 : 0;
        equal += w == v[i] ? 1 : 0;
      }
      r[i] = less + (equal + 1) / 2.0;
    }
    return r;
  }

  /** 1 - SS_res / SS_tot of the predictions against the simulated values. */
  private static double rSquared(List<PredictedPoint> p) {
    double mean = p.stream().mapToDouble(PredictedPoint::simulated).average().orElseThrow();
    double res = 0;
    double tot = 0;
    for (PredictedPoint x : p) {
      res += Math.pow(x.simulated() - x.predicted(), 2);
      tot += Math.pow(x.simulated() - mean, 2);
    }
    return 1 - res / tot;
  }
}
