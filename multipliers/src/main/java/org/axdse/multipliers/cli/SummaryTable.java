package org.axdse.multipliers.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axdse.multipliers.MultiplierSummary;

/** Renders multiplier summaries as an aligned text table or as CSV. */
final class SummaryTable {
  private static final String[] HEADER = {"name", "format", "mean_error", "mae", "mre_pct", "wce", "ep_pct",
      "nmed", "rel_power", "rel_area", "rel_delay", "cells"};

  private SummaryTable() {}

  static void print(List<MultiplierSummary> rows, PrintWriter out) {
    int nameWidth = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4));
    String head = "%-" + nameWidth + "s %-6s %10s %10s %8s %8s %7s %9s %9s %9s %9s %6s%n";
    out.printf(Locale.ROOT, head, "name", "format", "bias", "MAE", "MRE%", "WCE", "EP%", "NMED", "rel.pow",
        "rel.area", "rel.delay", "cells");
    String row = "%-" + nameWidth + "s %-6s %10.3f %10.3f %8.3f %8.0f %7.2f %9.2e %9s %9s %9s %6s%n";
    for (MultiplierSummary r : rows) {
      var m = r.metrics();
      out.printf(Locale.ROOT, row, r.name(), r.format(), m.meanError(), m.mae(), 100 * m.mre(), m.wce(),
          100 * m.errorProbability(), m.nmed(), ratio(r.relativePower()), ratio(r.relativeArea()),
          ratio(r.relativeDelay()), r.hasCost() ? Integer.toString(r.cells()) : "-");
    }
    out.printf(Locale.ROOT, "%d multipliers; costs relative to the exact multiplier of the same format "
        + "(uniform operands); '-' = table only, no circuit%n", rows.size());
  }

  private static String ratio(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  static void printCsv(List<MultiplierSummary> rows, PrintWriter out) {
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
      for (MultiplierSummary r : rows) {
        var m = r.metrics();
        csv.printRecord(r.name(), r.format(), m.meanError(), m.mae(), 100 * m.mre(), m.wce(),
            100 * m.errorProbability(), m.nmed(), csvNumber(r.relativePower()), csvNumber(r.relativeArea()),
            csvNumber(r.relativeDelay()), r.hasCost() ? r.cells() : "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object csvNumber(double v) {
    return Double.isNaN(v) ? "" : v;
  }
}
