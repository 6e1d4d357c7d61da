package org.axdse.multipliers.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.MultiplierSummary;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.cli.flags.OutputFormat.Format;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.io.SummaryJson;
import org.axdse.multipliers.library.Summaries;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code axdse multipliers list}: every known multiplier with its error metrics and relative cost. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List multipliers with error metrics and cost relative to the exact multiplier of their format.")
final class ListCommand implements Runnable {
  /** Sort keys: each maps a summary to the number sorted on (ascending; names sort alphabetically). */
  static final Map<String, ToDoubleFunction<MultiplierSummary>> SORT_KEYS = Map.ofEntries(
      Map.entry("power", MultiplierSummary::relativePower),
      Map.entry("area", MultiplierSummary::relativeArea),
      Map.entry("delay", MultiplierSummary::relativeDelay),
      Map.entry("mae", s -> s.metrics().mae()),
      Map.entry("mre", s -> s.metrics().mre()),
      Map.entry("wce", s -> s.metrics().wce()),
      Map.entry("mse", s -> s.metrics().mse()),
      Map.entry("ep", s -> s.metrics().errorProbability()),
      Map.entry("bias", s -> Math.abs(s.metrics().meanError())));

  static final class Signs {
    @Option(names = "--signed", description = "Only two's-complement multipliers.") boolean signed;
    @Option(names = "--unsigned", description = "Only unsigned multipliers.") boolean unsigned;
  }

  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;
  @ArgGroup(exclusive = true) Signs signs;

  @Option(names = "--bits", paramLabel = "8xN|FORMAT",
      description = "Only this operand format, e.g. 8x8, 8x4 or a float format such as e4m3.")
  String bits;

  @Option(names = "--sort", paramLabel = "KEY", defaultValue = "name",
      description = "Sort by name, power, area, delay, mae, mre, wce, mse, ep or bias (default: ${DEFAULT-VALUE}).")
  String sort;

  @Mixin OutputFormat output;

  @Override
  public void run() {
    if (!sort.equals("name") && !SORT_KEYS.containsKey(sort)) {
      throw new BadInputException("--sort: unknown key '" + sort + "' (use name, "
          + String.join(", ", SORT_KEYS.keySet().stream().sorted().toList()) + ")");
    }
    if (bits != null && !bits.matches("8x[2-8]")) {
      bits = FloatFormatOption.parse("--bits", bits, "8xN with N from 2 to 8").name();
    }
    var catalog = library.catalog();
    List<Multiplier> all = bits == null || bits.matches("8x[2-8]") ? catalog.all()
        : catalog.all(MultiplierFormat.of(Minifloat.parse(bits)));
    List<Multiplier> chosen = all.stream().filter(this::selected).toList();
    List<MultiplierSummary> rows = Summaries.defaults().of(chosen);
    Comparator<MultiplierSummary> order = sort.equals("name")
        ? Comparator.comparing(MultiplierSummary::name)
        : Comparator.<MultiplierSummary>comparingDouble(
            s -> nanLast(SORT_KEYS.get(sort).applyAsDouble(s))).thenComparing(MultiplierSummary::name);
    rows = rows.stream().sorted(order).toList();
    PrintWriter out = spec.commandLine().getOut();
    switch (output.check(Format.TABLE, Format.CSV, Format.JSON)) {
      case TABLE -> SummaryTable.print(rows, out);
      case CSV -> SummaryTable.printCsv(rows, out);
      case JSON -> out.println(SummaryJson.toJson(rows));
    }
    out.flush();
  }

  private static double nanLast(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  private boolean selected(Multiplier m) {
    if (signs != null && signs.signed && !m.format().signed()) {
      return false;
    }
    if (signs != null && signs.unsigned && (m.format().signed() || m.format().isFloat())) {
      return false;
    }
    return bits == null || m.format().label().equals(bits.toLowerCase(Locale.ROOT));
  }
}
