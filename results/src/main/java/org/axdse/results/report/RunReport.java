package org.axdse.results.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.OutputPaths;
import org.axdse.multipliers.util.RunLock;
import org.axdse.results.plots.AssignmentPlot;
import org.axdse.results.plots.ChartFiles;
import org.axdse.results.plots.ConvergencePlot;
import org.axdse.results.plots.ParetoScatterPlot;
import org.axdse.results.run.Baseline;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Normalization;
import org.axdse.results.run.PredictedPoint;
import org.axdse.results.run.PredictionsCsv;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.jfree.chart.JFreeChart;

/**
 * The report of one run: {@code report.html} (self-contained, plots embedded) and the plots as PNG and SVG files
 * under {@code plots/}. Hypervolumes and IGD+ are recomputed from the points with {@link Normalization}, so the
 * search and every baseline are measured the same way.
 */
public final class RunReport {
  public static final String FILE = "report.html";
  public static final String PLOTS = "plots";
  static final int WIDTH = 960;
  static final int HEIGHT = 600;
  /** The featured point may lose at most this much accuracy (a fraction: 1 percentage point) against exact. */
  static final double FEATURED_ACCURACY_LOSS = 0.01;

  private RunReport() {}

  /** Reads the run in {@code runDir} and writes its report into {@code outDir}; returns the report's path. */
  public static Path write(Path runDir, Path outDir) {
    Path report = outDir.resolve(FILE);
    OutputPaths.checkDirectory(outDir);
    try (RunLock lock = RunLock.acquire(outDir)) {
      Run run = RunDirectory.of(runDir).read();
      AtomicFiles.writeString(report, render(run, runDir.toAbsolutePath().normalize().getFileName().toString(),
          outDir.resolve(PLOTS), PredictionsCsv.read(runDir)));
      lock.commit();
    }
    return report;
  }

  /** The page for {@code run}; each plot is also written to {@code plotDir} as PNG and SVG. */
  static String render(Run run, String name, Path plotDir) {
    return render(run, name, plotDir, List.of());
  }

  /** As {@link #render(Run, String, Path)}, with the surrogate's {@code predictions} (empty: none). */
  static String render(Run run, String name, Path plotDir, List<PredictedPoint> predictions) {
    String model = DisplayPaths.shorten(run.config().model());
    Html html = new Html().begin("axdse run " + name + ": " + model + " on "
        + DisplayPaths.shorten(run.config().dataset()));
    Normalization norm = run.normalization();
    html.paragraph(run.points().size() + " evaluated points, " + run.front().size() + " on the front, "
        + run.history().size() + " generations. Front hypervolume " + Html.number(norm.hypervolume(run.front()), 5)
        + " (normalised as described in the README).");

    ParetoSection.write(html, run, "Pareto front: " + model + " on "
        + DisplayPaths.shorten(DisplayPaths.datasetName(run.config().dataset())), plotDir);

    html.heading("Baseline comparison");
    html.table(List.of("method", "points", "hypervolume", "HV / search HV", "IGD+ (vs. union front)"),
        baselineRows(run, norm));
    html.paragraph("Hypervolume and IGD+ on normalised objectives (accuracy as 1 - accuracy, reference 1.0;"
        + " energy and area relative to exact, reference 1.1; types over library size, reference 1.1). IGD+ is"
        + " measured against the non-dominated union of the search front and every baseline.");

    if (run.history().stream().anyMatch(g -> !Double.isNaN(g.hypervolume()))) {
      html.heading("Convergence");
      plot(html, ConvergencePlot.chart(run.history()), plotDir, "convergence", "Hypervolume per generation");
    }

    SurrogateSection.write(html, predictions, plotDir);

    html.heading("Front");
    Metric accuracy = ParetoScatterPlot.accuracyMetric(run);
    List<EvaluatedPoint> front = new ArrayList<>(run.front());
    front.sort(Comparator.comparingDouble((EvaluatedPoint p) -> -nanLast(accuracy.value(p))));
    html.table(List.of("id", "generation", "screening accuracy (%)", "final accuracy (%)", "multiplier energy",
        "system energy", "area", "types", "layer multipliers"), front.stream().map(RunReport::row).toList());

    EvaluatedPoint featured = featured(run);
    if (featured != null && !run.config().multipliers().isEmpty()) {
      html.heading("Assignment of point " + featured.id());
      html.paragraph("The cheapest front point (by multiplier energy) whose accuracy is within 1 percentage point"
          + " of the exact network's, or the most accurate front point when there is no exact point.");
      plot(html, AssignmentPlot.chart(run.config(), featured), plotDir, "assignment",
          "Multiplier and its relative power per layer, point " + featured.id());
    }

    html.heading("Timings");
    html.table(List.of("phase", "seconds"), timingRows(run));

    html.heading("Configuration");
    html.table(List.of("field", "value"), configRows(run));
    if (!run.config().multipliers().isEmpty()) {
      html.table(List.of("multiplier", "relative power", "relative area"), run.config().multipliers().stream()
          .map(m -> List.of(m.name(), Html.number(m.relativePower(), 4), Html.number(m.relativeArea(), 4)))
          .toList());
    }
    return html.end();
  }

  /**
   * The point whose assignment the report shows: the front point of least multiplier energy whose accuracy is
   * within {@link #FEATURED_ACCURACY_LOSS} of the exact point's; without an exact point, the most accurate one.
   */
  public static EvaluatedPoint featured(Run run) {
    Metric acc = ParetoScatterPlot.accuracyMetric(run);
    List<EvaluatedPoint> front = run.front().stream().filter(p -> !Double.isNaN(acc.value(p))).toList();
    if (front.isEmpty()) {
      return null;
    }
    EvaluatedPoint exact = ParetoScatterPlot.exactPoint(run);
    if (exact != null && !Double.isNaN(acc.value(exact))) {
      double floor = acc.value(exact) - FEATURED_ACCURACY_LOSS;
      EvaluatedPoint best = front.stream().filter(p -> acc.value(p) >= floor)
          .min(Comparator.comparingDouble(EvaluatedPoint::multiplierEnergy)).orElse(null);
      if (best != null) {
        return best;
      }
    }
    return front.stream().max(Comparator.comparingDouble(acc::value)).orElseThrow();
  }

  static void plot(Html html, JFreeChart chart, Path plotDir, String name, String caption) {
    byte[] png = ChartFiles.png(chart, WIDTH, HEIGHT);
    AtomicFiles.write(plotDir.resolve(name + ".png"), png);
    ChartFiles.writeSvg(plotDir.resolve(name + ".svg"), chart, WIDTH, HEIGHT);
    html.image(png, caption, WIDTH, HEIGHT);
  }

  private static List<List<String>> baselineRows(Run run, Normalization norm) {
    List<EvaluatedPoint> union = new ArrayList<>(run.front());
    run.baselines().forEach(b -> union.addAll(b.points()));
    List<EvaluatedPoint> reference = Run.nonDominated(run.config(), union);
    double searchHv = norm.hypervolume(run.front());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(searchName(run), Integer.toString(run.front().size()), Html.number(searchHv, 5), "1.000",
        igd(norm, run.front(), reference)));
    for (Baseline b : run.baselines()) {
      double hv = norm.hypervolume(b.points());
      rows.add(List.of(b.name(), Integer.toString(b.points().size()), Html.number(hv, 5),
          searchHv > 0 ? Html.number(hv / searchHv, 3) : "\u2013", igd(norm, b.points(), reference)));
    }
    return rows;
  }

  private static String igd(Normalization norm, List<EvaluatedPoint> points, List<EvaluatedPoint> reference) {
    return reference.isEmpty() ? "\u2013" : Html.number(norm.igdPlus(points, reference), 5);
  }

  private static String searchName(Run run) {
    Object algorithm = run.config().settings().get("algorithm");
    return "search front" + (algorithm == null ? "" : " (" + algorithm + ")");
  }

  private static List<List<String>> timingRows(Run run) {
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : run.timings().phases().entrySet()) {
      rows.add(List.of(e.getKey(), Html.number(e.getValue(), 2)));
    }
    rows.add(List.of("total", Html.number(run.timings().totalSeconds(), 2)));
    if (!run.history().isEmpty()) {
      var last = run.history().get(run.history().size() - 1);
      rows.add(List.of("evaluations", Long.toString(last.evaluations())));
      if (last.elapsedSeconds() > 0) {
        rows.add(List.of("evaluations per second (search)", Html.number(last.evaluations() / last.elapsedSeconds(),
            2)));
      }
    }
    return rows;
  }

  private static List<List<String>> configRows(Run run) {
    var c = run.config();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("seed", Long.toString(c.seed())));
    rows.add(List.of("model", c.model()));
    rows.add(List.of("dataset", c.dataset()));
    rows.add(List.of("objectives", String.join(", ", c.objectives().stream()
        .map(o -> o.metric().key() + " (" + o.direction().label() + ")").toList())));
    rows.add(List.of("exact multiplier", c.exactMultiplier()));
    rows.add(List.of("layers", c.layers().isEmpty() ? "\u2013" : c.layers().size() + ": "
        + String.join(" ", c.layers())));
    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<String, Object> e : c.settings().entrySet()) {
      String value;
      try {
        value = e.getValue() instanceof String s ? s : json.writeValueAsString(e.getValue());
      } catch (JsonProcessingException ex) {
        value = String.valueOf(e.getValue());
      }
      rows.add(List.of(e.getKey(), value));
    }
    return rows;
  }

  private static List<String> row(EvaluatedPoint p) {
    String names = String.join(" ", p.layerMultipliers()) + (p.channelMultipliers().isEmpty() ? "" : " (per channel)");
    return List.of(Integer.toString(p.id()), Integer.toString(p.generation()), Html.percent(p.screeningAccuracy()),
        Html.percent(p.finalAccuracy()), Html.number(p.multiplierEnergy(), 4), Html.number(p.systemEnergy(), 4),
        Html.number(p.area(), 4), Integer.toString(p.types()), names);
  }

  private static double nanLast(double v) {
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }
}
