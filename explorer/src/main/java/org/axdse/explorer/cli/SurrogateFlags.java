package org.axdse.explorer.cli;

import java.util.List;
import org.axdse.explorer.search.SurrogateOptions;
import org.axdse.multipliers.util.BadInputException;
import picocli.CommandLine.Option;

/** {@code axdse search --surrogate [--surrogate-factor F]}: the surrogate-assisted search (see docs/surrogate.md). */
final class SurrogateFlags {
  static final List<String> NAMES = List.of("--surrogate", "--surrogate-factor");

  @Option(names = "--surrogate", description = "Breed many more offspring than are simulated, rank them with the "
      + "accuracy predictor and exact energy, simulate only the most promising.")
  boolean surrogate;
  @Option(names = "--surrogate-factor", paramLabel = "F",
      description = "With --surrogate: offspring bred per offspring simulated, 2.." + SurrogateOptions.MAX_FACTOR
          + " (default " + SurrogateOptions.DEFAULT_FACTOR + ").")
  Integer factor;

  SurrogateOptions options() {
    if (!surrogate) {
      if (factor != null) {
        throw new BadInputException("--surrogate-factor needs --surrogate");
      }
      return SurrogateOptions.OFF;
    }
    try {
      return new SurrogateOptions(factor == null ? SurrogateOptions.DEFAULT_FACTOR : factor);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
