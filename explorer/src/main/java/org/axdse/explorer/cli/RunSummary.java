package org.axdse.explorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.results.report.RunReport;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;

/**
 * The result of {@code axdse search} and {@code axdse demo} on stdout (their progress goes to stderr): the run
 * directory, its points and front, the featured point (the report's pick) and the report, as lines or as one JSON
 * object with {@code --format json}.
 */
final class RunSummary {
  private RunSummary() {}

  /** Prints the summary of the run in {@code dir}; {@code complete} false: interrupted, nothing else is read. */
  static void print(PrintWriter out, OutputFormat format, Path dir, boolean complete, Path report) {
    Path abs = dir.toAbsolutePath().normalize();
    Run run = complete ? RunDirectory.of(dir).read() : null;
    EvaluatedPoint p = run == null ? null : RunReport.featured(run);
    if (format.json()) {
      ObjectNode root = new ObjectMapper().createObjectNode().put("run", abs.toString())
          .put("outcome", complete ? "complete" : "interrupted");
      if (run != null) {
        root.put("points", run.points().size()).put("front", run.front().size());
      }
      if (p != null) {
        ObjectNode f = root.putObject("featured").put("id", p.id()).put("accuracy", accuracy(p))
            .put("multiplierEnergy", p.multiplierEnergy());
        p.layerMultipliers().forEach(f.putArray("layerMultipliers")::add);
      }
      root.put("report", report == null ? null : report.toAbsolutePath().normalize().toString());
      out.println(root.toPrettyString());
    } else {
      out.println("run: " + abs + (run == null ? " (interrupted)"
          : String.format(Locale.ROOT, ", %d points, front of %d", run.points().size(), run.front().size())));
      if (p != null) {
        out.println(String.format(Locale.ROOT, "featured point: top-1 %.2f%%, multiplier energy %.3f of exact "
            + "(%.1f%% saved): %s", 100 * accuracy(p), p.multiplierEnergy(), 100 * (1 - p.multiplierEnergy()),
            String.join(" ", p.layerMultipliers())));
      }
      if (report != null) {
        out.println("report: " + report.toAbsolutePath().normalize());
      }
    }
    out.flush();
  }

  private static double accuracy(EvaluatedPoint p) {
    return Double.isNaN(p.finalAccuracy()) ? p.screeningAccuracy() : p.finalAccuracy();
  }
}
