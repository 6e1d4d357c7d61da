package org.axdse.results.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.plots.ConvergencePlot;
import org.axdse.results.plots.FrontComparisonPlot;
import org.axdse.results.plots.ParetoScatterPlot;
import org.axdse.results.plots.PointTips;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.GenerationRecord;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Normalization;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;

/**
 * A report comparing several runs with the same objectives (e.g. seeds or settings): their fronts in one plot,
 * their convergence, and a table of hypervolume and IGD+ against the non-dominated union of all fronts. Every
 * run is normalised with the first run's {@link Normalization}, so the numbers are comparable.
 */
public final class CompareReport {
  private CompareReport() {}

  /** Reads every run directory and writes {@code report.html} and {@code plots/} into {@code outDir}. */
  public static Path write(List<Path> runDirs, Path outDir) {
    if (runDirs.size() < 2) {
      throw new BadInputException("a comparison needs at least two run directories, got " + runDirs.size());
    }
    Map<String, Run> runs = new LinkedHashMap<>();
    for (Path dir : runDirs) {
      Run run = RunDirectory.of(dir).read();
      Run first = runs.isEmpty() ? null : runs.values().iterator().next();
      if (first != null && !first.config().metrics().equals(run.config().metrics())) {
        throw BadInputException.in(dir.resolve(RunDirectory.CONFIG), "objectives "
            + keys(run.config().metrics()) + " differ from the first run's " + keys(first.config().metrics()));
      }
      String base = dir.toAbsolutePath().normalize().getFileName().toString();
      String label = base;
      for (int i = 2; runs.containsKey(label); i++) {
        label = base + " (" + i + ")";
      }
      runs.put(label, run);
    }
    Path report = outDir.resolve(RunReport.FILE);
    AtomicFiles.writeString(report, render(runs, outDir.resolve(RunReport.PLOTS)));
    return report;
  }

  static String render(Map<String, Run> runs, Path plotDir) {
    Run first = runs.values().iterator().next();
    Normalization norm = first.normalization();
    Html html = new Html().begin("axdse comparison of " + runs.size() + " runs");

    Map<String, List<EvaluatedPoint>> fronts = new LinkedHashMap<>();
    Map<String, List<GenerationRecord>> histories = new LinkedHashMap<>();
    List<EvaluatedPoint> union = new ArrayList<>();
    runs.forEach((name, run) -> {
      fronts.put(name, run.front());
      histories.put(name, run.history());
      union.addAll(run.front());
    });
    List<EvaluatedPoint> reference = Run.nonDominated(first.config(), union);

    html.heading("Runs");
    List<List<String>> rows = new ArrayList<>();
    runs.forEach((name, run) -> rows.add(List.of(name, run.config().model(), run.config().dataset(),
        Long.toString(run.config().seed()), Integer.toString(run.points().size()),
        Integer.toString(run.front().size()), Html.number(norm.hypervolume(run.front()), 5),
        reference.isEmpty() ? "\u2013" : Html.number(norm.igdPlus(run.front(), reference), 5),
        Html.number(run.timings().totalSeconds(), 1))));
    html.table(List.of("run", "model", "dataset", "seed", "evaluated", "front", "hypervolume",
        "IGD+ (vs. union front)", "seconds"), rows);
    html.paragraph("Objectives: " + keys(first.config().metrics()) + ". Every run is normalised like the first"
        + " (see the README); IGD+ is measured against the non-dominated union of all fronts.");

    html.heading("Fronts");
    Metric accuracy = ParetoScatterPlot.accuracyMetric(first);
    ParetoSection.figure(html, FrontComparisonPlot.chart(fronts, Metric.MULTIPLIER_ENERGY, accuracy),
        PointTips.ofFronts(runs, Metric.MULTIPLIER_ENERGY, accuracy), plotDir, "fronts",
        "Each run's front and its 2-D staircase. Hover over a point for its objectives and per-layer assignment.");
    if (histories.values().stream().flatMap(List::stream).anyMatch(g -> !Double.isNaN(g.hypervolume()))) {
      html.heading("Convergence");
      RunReport.plot(html, ConvergencePlot.chart(histories), plotDir, "convergence",
          "Hypervolume per generation, one line per run");
    }
    return html.end();
  }

  private static String keys(List<Metric> metrics) {
    return String.join(", ", metrics.stream().map(Metric::key).toList());
  }
}
