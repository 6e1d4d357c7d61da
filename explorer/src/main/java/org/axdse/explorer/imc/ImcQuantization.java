package org.axdse.explorer.imc;

import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * How an IMC search, {@code pick} and {@code axdse imc evaluate} quantize a model, the same way in all three so
 * a point replays bit for bit: percentile calibration on {@code calib} images of the train split drawn with seed
 * 1.
 */
public final class ImcQuantization {
  /** Seed of the calibration subset (as in {@code axdse imc evaluate}). */
  static final long CALIBRATION_SEED = ImageSelection.HOLDOUT_SEED;

  private ImcQuantization() {}

  /** The quantization {@code quant} ({@code sym}, {@code asym}), per-channel or not, with this calibration. */
  public static QuantConfig config(String quant, boolean perChannel, int weightBits, int calib) {
    QuantMode mode = QuantMode.parse(quant);
    if (mode == null) {
      throw new BadInputException("--quant must be sym or asym, not '" + quant + "'");
    }
    return QuantConfig.defaults(mode).withPerChannel(perChannel).withWeightBits(weightBits)
        .withCalibration(calib, CalibrationMethod.PERCENTILE);
  }

  /**
   * The images a bias correction is measured on: the first {@code n} calibration images, as {@code axdse imc
   * evaluate --bias-images n} takes them.
   */
  public static Dataset biasImages(DatasetSpec data, QuantConfig config, int n) {
    return data.load(Split.TRAIN).subset(config.calibrationImages(), CALIBRATION_SEED).limit(n);
  }

  /** {@code model} quantized with {@code config}, calibrated on the train split of {@code data}. */
  public static QuantizedModel calibrate(Model model, Preprocessing pre, DatasetSpec data, QuantConfig config,
      Kernels kernels) {
    return Calibration.run(model, pre, data.load(Split.TRAIN).subset(config.calibrationImages(), CALIBRATION_SEED),
        config, kernels);
  }
}
