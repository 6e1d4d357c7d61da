package org.axdse.simulator.cli;

import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.imc.ImcBiasCorrection;
import org.axdse.simulator.imc.ImcSession;
import picocli.CommandLine.Option;

/**
 * The {@code --compensate none|bias}, {@code --bias-images N} and {@code --bias-order} flags of the {@code imc} commands (a picocli
 * mixin): bias correction of the IMC error ({@link ImcBiasCorrection}), measured on the first N calibration
 * images (the train split, drawn with seed 1, as for quantization). The name follows {@code --compensate} of the
 * multiplier target; {@code weights} and {@code both} tune weights against a multiplier's table, which IMC has not.
 */
public final class ImcCompensateOption {
  @Option(names = "--compensate", paramLabel = "none|bias", description = "bias correction of each layer's mean "
      + "IMC error (ADC clipping, dropped planes and slices), measured on calibration images (default: none)")
  String compensate = "none";

  @Option(names = "--bias-images", paramLabel = "N", description = "calibration images the bias correction is "
      + "measured on: the first N of the --calib set (default: ${DEFAULT-VALUE})")
  int biasImages = 64;

  @Option(names = "--bias-order", paramLabel = "exact|sequential|network", description = "measure each layer's "
      + "error on the exact network's inputs (exact: once per layer and configuration), layer by layer on the "
      + "inputs of the corrected approximate network against the exact layer on them (sequential: one pass per "
      + "layer), or layer by layer against the exact network's accumulators, zero-point term of the shifted inputs "
      + "included (network: one pass per layer) (default: ${DEFAULT-VALUE})")
  String biasOrder = "exact";

  /** Checks the flags (one-line errors) before any long work; true when bias correction is asked for. */
  public boolean check() {
    switch (compensate) {
      case "none", "bias" -> { }
      case "weights", "both" -> throw new BadInputException("--compensate " + compensate + ": weight tuning needs "
          + "a multiplier's product table; the IMC target offers none or bias");
      default -> throw new BadInputException("--compensate must be none or bias for the IMC target, not '"
          + compensate + "'");
    }
    if (!biasOrder.equals("exact") && !biasOrder.equals("sequential") && !biasOrder.equals("network")) {
      throw new BadInputException("--bias-order must be exact, sequential or network, not '" + biasOrder + "'");
    }
    Bounds.images("--bias-images", biasImages, 1);
    return compensate.equals("bias");
  }

  /** Installs the bias correction in {@code s} when asked for; returns it, or null. */
  ImcBiasCorrection apply(ImcSession s, QuantizationOptions options, DatasetSpec data) {
    if (!check()) {
      return null;
    }
    return s.correctBias(options.calibrationSet(data).limit(biasImages), biasOrder);
  }
}
