package org.axdse.explorer.cli;

import java.util.List;
import org.axdse.explorer.search.SurrogateOptions;
import org.axdse.multipliers.util.BadInputException;
import picocli.CommandLine.Option;

/**
 * {@code axdse search --surrogate [--surrogate-factor F] [--surrogate-rounds R]}: the surrogate-assisted search (see
 * docs/surrogate.md).
 */
final class SurrogateFlags {
  static final List<String> NAMES = List.of("--surrogate", "--surrogate-factor", "--surrogate-rounds");

  @Option(names = "--surrogate", description = "Breed many more offspring than are simulated, rank them with the "
      + "accuracy predictor and exact energy, simulate only the most promising.")
  boolean surrogate;
  @Option(names = "--surrogate-factor", paramLabel = "F",
      description = "With --surrogate: offspring bred per offspring simulated, 2.." + SurrogateOptions.MAX_FACTOR
          + " (default " + SurrogateOptions.DEFAULT_FACTOR + ").")
  Integer factor;
  @Option(names = "--surrogate-rounds", paramLabel = "R",
      description = "With --surrogate: rounds of breeding on the predictor per generation, 1.."
          + SurrogateOptions.MAX_ROUNDS + " (default " + SurrogateOptions.DEFAULT_ROUNDS + ").")
  Integer rounds;

  SurrogateOptions options() {
    if (!surrogate) {
      if (factor != null || rounds != null) {
        throw new BadInputException((factor != null ? "--surrogate-factor" : "--surrogate-rounds")
            + " needs --surrogate");
      }
      return SurrogateOptions.OFF;
    }
    try {
      return new SurrogateOptions(factor == null ? SurrogateOptions.DEFAULT_FACTOR : factor,
          rounds == null ? SurrogateOptions.DEFAULT_ROUNDS : rounds);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
