package org.axdse.simulator.cli;

import org.axdse.multipliers.util.Bounds;
import picocli.CommandLine.Option;

/**
 * The timing flags of the per-layer format benchmarks ({@code bench formats}, {@code bench float-designs}): how
 * long each figure is measured, in how many runs, and how many images one call takes.
 */
public final class LayerBenchTiming {
  @Option(names = "--seconds", description = "Measured time per figure (default: ${DEFAULT-VALUE}).")
  double seconds = 2.0;

  @Option(names = "--reps", description = "Runs per figure; the best counts (default: ${DEFAULT-VALUE}).")
  int reps = 5;

  @Option(names = "--batch", description = "Images per call (default: ${DEFAULT-VALUE}).")
  int batch = 1;

  /** Checks the three flags' ranges (one-line errors naming the flag). */
  void check() {
    Bounds.check("--batch", batch, 1, 256, "images per call held in memory");
    Bounds.check("--reps", reps, 1, 1000);
    Bounds.check("--seconds", (long) Math.ceil(seconds), 1, 3600, "an hour per figure");
  }
}
