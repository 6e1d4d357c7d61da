package org.axdse.explorer.pick;

import java.nio.file.Path;
import java.util.Map;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.RunConfig;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;

/**
 * What {@code axdse pick} needs from a run's {@code settings} (the searcher's free-form map in {@code run.json}):
 * the model and dataset ({@code model}, {@code data}; else the run's {@code model} and {@code dataset}), the
 * multiplier library directory ({@code library}, empty for the built-in one), the quantization ({@code quant}
 * {@code sym}, {@code per_channel} false, {@code weight_bits} 8, {@code calib} 500 images drawn with seed 1 from
 * the train split, {@code calib_method} percentile: the defaults of {@code axdse evaluate} when a key is absent),
 * the final fidelity ({@code final_images}, 0 = the whole test set) and screening size ({@code eval_images}), and
 * the compensation every candidate got ({@code compensate}: none, bias, weights or both; null when none), where
 * the calibration images came from ({@code calib_data}: empty for the train split of the data, {@code holdout},
 * or a data set spec) and the preprocessing sidecar when it was given ({@code preprocess}; null: the model's),
 * and the weight widths of a mixed-precision run ({@code weight_widths}, e.g. {@code "4,6,8"}; null when absent),
 * and the data-aware precision ({@code precision}: {@code DataAwarePrecision.label()}, nearest when absent),
 * and whether the run calibrated afresh despite a recorded quantization ({@code recalibrate}, false when absent).
 */
record RunSettings(String model, String data, String library, QuantConfig quant, int finalImages,
    int screeningImages, CompensationMethod compensation, String calibrationData, String preprocess,
    WidthSet widths, String precision, boolean recalibrate) {

  static RunSettings of(RunConfig config, Path runJson) {
    Map<String, Object> s = config.settings();
    try {
      QuantMode mode = QuantMode.parse(string(s, "quant", "sym"));
      CalibrationMethod method = CalibrationMethod.parse(string(s, "calib_method", "percentile"));
      if (mode == null || method == null) {
        throw new IllegalArgumentException("quant must be sym or asym and calib_method minmax, percentile or mse");
      }
      QuantConfig q = QuantConfig.defaults(mode).withPerChannel(bool(s, "per_channel"))
          .withWeightBits(integer(s, "weight_bits", 8))
          .withCalibration(integer(s, "calib", QuantConfig.DEFAULT_CALIBRATION_IMAGES), method);
      String lib = string(s, "library", "");
      String comp = string(s, "compensate", "none");
      CompensationMethod cm = CompensationMethod.parse(comp);
      if (cm == null && !comp.equals("none")) {
        throw new IllegalArgumentException("compensate must be none, bias, weights or both");
      }
      return new RunSettings(string(s, "model", config.model()), string(s, "data", config.dataset()),
          lib.isEmpty() ? null : lib, q, integer(s, "final_images", 0), integer(s, "eval_images", 0), cm,
          string(s, "calib_data", ""), string(s, "preprocess", "").isEmpty() ? null : string(s, "preprocess", ""),
          widths(s, q.weightBits()), string(s, "precision", "nearest"), bool(s, "recalibrate"));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw BadInputException.in(runJson, "run.settings: " + e.getMessage());
    }
  }

  private static WidthSet widths(Map<String, Object> s, int weightBits) {
    String w = string(s, "weight_widths", "");
    if (w.isEmpty()) {
      return null;
    }
    WidthSet set;
    try {
      set = WidthSet.parse(w, "weight_widths");
    } catch (org.axdse.multipliers.util.BadInputException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    if (set.max() != weightBits) {
      throw new IllegalArgumentException("weight_widths " + w + ": the widest must equal weight_bits " + weightBits);
    }
    return set;
  }

  private static String string(Map<String, Object> s, String key, String fallback) {
    Object v = s.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String str)) {
      throw new IllegalArgumentException(key + " must be a string");
    }
    return str;
  }

  private static int integer(Map<String, Object> s, String key, int fallback) {
    Object v = s.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() < 0) {
      throw new IllegalArgumentException(key + " must be a non-negative integer");
    }
    return n.intValue();
  }

  private static boolean bool(Map<String, Object> s, String key) {
    Object v = s.get(key);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException(key + " must be true or false");
    }
    return b;
  }
}
