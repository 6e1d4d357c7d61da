package org.axdse.simulator.cli;

import org.axdse.simulator.numformat.FormatChoice;
import picocli.CommandLine.Option;

/**
 * {@code --number-format}, {@code --scale} and {@code --accumulate} (a picocli mixin): run every approximable
 * layer in a minifloat format instead of the integer quantization of {@code --quant}.
 */
public final class NumberFormatOptions {
  @Option(names = "--number-format", paramLabel = "FMT", description = "run every convolution and dense layer in "
      + "this minifloat (e4m3, e5m2, e3m4, e2m3, e2m1, e3m2, EeMm[_b<bias>][_ieee|_fn|_finite], or mxfp8, mxfp6, "
      + "mxfp4), exact multiplier, the rest of the network in float32; replaces --quant")
  String format;

  @Option(names = "--scale", paramLabel = "KIND", description = "with --number-format: tensor, channel (weights "
      + "per output channel) or mx32 (OCP MX blocks of 32 along the reduction axis) (default: tensor; mx32 for "
      + "mxfp*)")
  String scale;

  @Option(names = "--accumulate", paramLabel = "ACC", description = "with --number-format: exact, fp32, fp16 or "
      + "bf16 (round to nearest even after every addition) (default: ${DEFAULT-VALUE})")
  String accumulate = "exact";

  @Option(names = "--weight-calib", paramLabel = "amax|mse", description = "with --number-format: weight scales "
      + "from the largest magnitude, or by the MSE clip search used for activations (default: ${DEFAULT-VALUE})")
  String weightCalib = "amax";

  /** True when {@code --number-format} was given. */
  boolean given() {
    return format != null;
  }

  /** True when a flag that only applies with {@code --number-format} was given without it. */
  boolean strayFlags() {
    return format == null && (scale != null || !accumulate.equals("exact") || !weightCalib.equals("amax"));
  }

  /** The parsed choice; one-line errors for bad values. */
  FormatChoice choice() {
    if (!weightCalib.equals("amax") && !weightCalib.equals("mse")) {
      throw new org.axdse.multipliers.util.BadInputException("--weight-calib: '" + weightCalib
          + "' is not one of amax, mse");
    }
    return FormatChoice.parse(format, scale, accumulate).withWeightMse(weightCalib.equals("mse"));
  }
}
