package org.axdse.explorer.cli;

import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.simulation.SimulatorProblems;
import org.axdse.explorer.simulation.SpeedOptions;
import org.axdse.multipliers.util.Bounds;
import picocli.CommandLine.Option;

/**
 * The flags of {@code axdse search} that save work without changing any figure, so they may differ between a run
 * and its {@code --resume}: {@code --prefix-cache MiB} (changes no figure) and {@code --early-stop} (changes only
 * the figures of stopped candidates, which never enter the archive).
 */
public final class SpeedFlags {
  /** Largest accepted {@code --prefix-cache}, in MiB (1 TiB). */
  static final int MAX_PREFIX_CACHE_MIB = 1 << 20;

  @Option(names = "--prefix-cache", paramLabel = "MiB",
      description = "Memory for activations after prefixes of layers, reused by candidates that share their first "
          + "layers' multipliers (screening only; 0: off; default: a quarter of the heap, at most 1024).")
  Integer prefixCacheMib;

  @Option(names = "--early-stop", description = "Stop screening a candidate once it cannot enter the archive with "
      + "high confidence (sequential test at level 0.001); points that enter are always evaluated in full.")
  boolean earlyStop;

  /** The options these flags give. */
  public SpeedOptions options() {
    long bytes = prefixCacheMib == null ? SpeedOptions.DEFAULT_PREFIX_CACHE_BYTES
        : (long) Bounds.check("--prefix-cache", prefixCacheMib, 0, MAX_PREFIX_CACHE_MIB) << 20;
    return new SpeedOptions(bytes).withEarlyStopping(earlyStop);
  }

  /**
   * {@code factory} with these options when it is the simulator, or the command line's binding whose simulator gets
   * them; any other engine unchanged.
   */
  ProblemFactory apply(ProblemFactory factory) {
    return switch (factory) {
      case SimulatorProblems s -> new SimulatorProblems(options());
      case EngineBinding b -> new EngineBinding(apply(b.multipliers()), b.imc());
      default -> factory;
    };
  }
}
