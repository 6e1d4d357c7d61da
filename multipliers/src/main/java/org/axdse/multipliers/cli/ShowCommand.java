package org.axdse.multipliers.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.MultiplierSummary;
import org.axdse.multipliers.io.SummaryJson;
import org.axdse.multipliers.library.Summaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code axdse multipliers show NAME}: everything known about one multiplier. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a multiplier's error metrics, cost model figures and any published figures.")
final class ShowCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;

  @Parameters(paramLabel = "NAME", description = "Multiplier name, e.g. u8x8_trunc6.")
  String name;

  @Mixin OutputFormat output;

  @Option(names = "--json", hidden = true, description = "Same as --format json (kept for old scripts).")
  boolean json;

  @Override
  public void run() {
    Multiplier m = library.catalog().byName(name);
    MultiplierSummary s = Summaries.defaults().of(m);
    PrintWriter out = spec.commandLine().getOut();
    if (output.check() == OutputFormat.Format.JSON || json) {
      out.println(SummaryJson.toJson(s));
      out.flush();
      return;
    }
    var e = s.metrics();
    out.printf(Locale.ROOT, "%s  (%s, %s)%n", s.name(), s.format(), m.format().isFloat() ? "float"
        : m.format().signed() ? "signed" : "unsigned");
    if (!s.description().isEmpty()) {
      out.printf("  %s%n", s.description());
    }
    out.printf(Locale.ROOT, "error metrics over all %d operand pairs, uniform inputs:%n", m.table().size());
    out.printf(Locale.ROOT, "  mean error (bias) %12.4f   MAE %12.4f   MSE %14.2f%n", e.meanError(), e.mae(),
        e.mse());
    out.printf(Locale.ROOT, "  WCE %12.0f   MRE %9.4f%%   WCRE %9.2f%%   EP %7.3f%%%n", e.wce(), 100 * e.mre(),
        100 * e.wcre(), 100 * e.errorProbability());
    out.printf(Locale.ROOT, "  NMED %.3e   MAE%% %.4f   WCE%% %.4f  (of the output range)%n", e.nmed(),
        e.maePercent(), e.wcePercent());
    if (s.hasCost()) {
      var c = s.cost();
      var r = s.relative();
      out.printf(Locale.ROOT, "circuit: %d cells%s%n", s.cells(), c.estimate() ? " (cost figures are an estimate)"
          : "");
      out.printf(Locale.ROOT, "  area  %10.2f NAND2-eq   relative %.3f%n", c.area(), r.area());
      out.printf(Locale.ROOT, "  delay %10.2f cell delays relative %.3f%n", c.delay(), r.delay());
      out.printf(Locale.ROOT, "  power %10.4f (dynamic %.4f + leakage %.4f) relative %.3f%n", c.power(),
          c.dynamicPower(), c.leakagePower(), r.power());
    } else {
      out.println("circuit: none (table only): no cost model figures");
    }
    m.publishedFigures().ifPresent(p -> out.printf(Locale.ROOT,
        "published (%s): power %s %s, area %s %s, delay %s %s%n", p.technology(), num(p.power()), p.powerUnit(),
        num(p.area()), p.areaUnit(), num(p.delay()), p.delayUnit()));
    out.flush();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
  }
}
