package org.axdse.explorer.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.quant.CalibrationMethod;

/**
 * How the engine quantizes the model before the search (post-training, no retraining): the number of calibration
 * images, where they come from, the weight width and whether weights get one scale per output channel, and an
 * optional preprocessing sidecar that replaces the one next to the model.
 *
 * @param calibrationImages images drawn (seeded) for calibration, >= 1
 * @param calibrationData {@code ""}: the train split of {@code --data}; {@link #HOLDOUT}: a seeded subset of the
 *     test images, which are then left out of every evaluation; otherwise a data set spec whose train split is
 *     used
 * @param weightBits N, 2..8 (activations are always 8 bits)
 * @param perChannel one weight scale per output channel
 * @param preprocess a preprocessing sidecar file, or {@code ""} for the model's own {@code M.preprocess.json}
 * @param compensate {@link #NO_COMPENSATION}, or the compensation every candidate gets before it is evaluated
 *     ({@code bias}, {@code weights} or {@code both}; measured on the calibration images, exact inputs)
 * @param widths the weight widths layers may use ({@code --weight-bits 4,6,8}), ascending; the widest is
 *     {@code weightBits}; one entry for an ordinary single-width run (empty is read as {@code [weightBits]})
 * @param imc null for the multiplier target, else the in-memory-computing target ({@code --target imc}: the
 *     layers compute on IMC arrays instead of through multipliers; one width, no compensation)
 * @param share null, or weight sharing as a gene beside the multiplier ({@code --share}, {@code --share-k})
 * @param numberFormats the float formats whose designs layers may also use ({@code --number-formats e4m3,e3m4},
 *     canonical names, see {@link FloatFormats}); empty for an integer-only run
 * @param precision data-aware rounding of narrower widths and shared codebooks ({@code --weight-rounding gptq},
 *     {@code --share-codebook refit}; {@link PrecisionSetting}): {@code nearest} (null reads as it), {@code gptq},
 *     {@code refit:N} or {@code gptq,refit:N}
 * @param recalibrate calibrate afresh even when the model has a recorded quantization beside it
 *     ({@code M.quantization.json}, written by retraining and {@code compensate --out}); false: use it
 * @param calibrationMethod how activation ranges are calibrated: {@code percentile} (the default; null or blank
 *     reads as it), {@code minmax} or {@code mse} ({@code --calib-method}, as {@code evaluate} takes it)
 */
public record QuantOptions(int calibrationImages, String calibrationData, int weightBits, boolean perChannel,
    String preprocess, String compensate, List<Integer> widths, ImcOptions imc, ShareOptions share,
    List<String> numberFormats, String precision, boolean recalibrate, String calibrationMethod) {
  /** {@code --calib-data holdout}: calibrate on test images kept out of the evaluation. */
  public static final String HOLDOUT = ImageSelection.HOLDOUT;
  public static final int DEFAULT_CALIBRATION_IMAGES = 500;
  /** {@code --compensate none}: candidates are evaluated as quantized. */
  public static final String NO_COMPENSATION = "none";
  /** The default {@code --calib-method}. */
  public static final String DEFAULT_CALIBRATION_METHOD = CalibrationMethod.PERCENTILE.label();

  public QuantOptions {
    if (calibrationImages < 1) {
      throw new IllegalArgumentException("--calib must be >= 1: " + calibrationImages);
    }
    Bounds.images("--calib", calibrationImages, 1);
    if (weightBits < 2 || weightBits > 8) {
      throw new IllegalArgumentException("--weight-bits must be 2..8: " + weightBits);
    }
    widths = widths == null || widths.isEmpty() ? List.of(weightBits) : new WidthSet(widths).widths();
    if (widths.get(widths.size() - 1) != weightBits) {
      throw new IllegalArgumentException("the widest of --weight-bits " + widths + " must be " + weightBits);
    }
    calibrationData = calibrationData == null ? "" : calibrationData.strip();
    calibrationMethod = calibrationMethod == null || calibrationMethod.isBlank() ? DEFAULT_CALIBRATION_METHOD
        : calibrationMethod.strip().toLowerCase(Locale.ROOT);
    if (CalibrationMethod.parse(calibrationMethod) == null) {
      throw new IllegalArgumentException("--calib-method must be minmax, percentile or mse, not '"
          + calibrationMethod + "'");
    }
    preprocess = preprocess == null ? "" : preprocess.strip();
    compensate = compensate == null ? NO_COMPENSATION : compensate.strip();
    if (!compensate.equals(NO_COMPENSATION) && CompensationMethod.parse(compensate) == null) {
      throw new IllegalArgumentException("--compensate must be none, bias, weights or both, not '" + compensate
          + "'");
    }
    numberFormats = FloatFormats.canonical(numberFormats);
    precision = PrecisionSetting.check(precision, widths, share, imc);
    if (!compensate.equals(NO_COMPENSATION) && !numberFormats.isEmpty()) {
      throw new IllegalArgumentException("--compensate " + compensate + " does not apply to float layers; give "
          + "--compensate none with --number-formats");
    }
    if (!numberFormats.isEmpty() && (imc != null || share != null)) {
      throw new IllegalArgumentException("--number-formats cannot be combined with "
          + (imc != null ? "--target imc" : "--share"));
    }
    if (imc != null && (widths.size() > 1 || !compensate.equals(NO_COMPENSATION))) {
      throw new IllegalArgumentException("--target imc takes one --weight-bits width and no --compensate");
    }
    if (imc != null && !calibrationMethod.equals(DEFAULT_CALIBRATION_METHOD)) {
      throw new IllegalArgumentException("--target imc calibrates with percentile ranges; --calib-method "
          + calibrationMethod + " does not apply");
    }
    if (imc != null && share != null) {
      throw new IllegalArgumentException("--target imc cannot be combined with --share");
    }
  }

  /** These options with compensation {@code method} ({@code none}, {@code bias}, {@code weights}, {@code both}). */
  public QuantOptions withCompensate(String method) {
    return new QuantOptions(calibrationImages, calibrationData, weightBits, perChannel, preprocess, method, widths,
        imc, share, numberFormats, precision, recalibrate, calibrationMethod);
  }

  /** These options with the weight widths {@code widths} (the widest must be {@link #weightBits}). */
  public QuantOptions withWidths(List<Integer> widths) {
    return new QuantOptions(calibrationImages, calibrationData, weightBits, perChannel, preprocess, compensate,
        widths, imc, share, numberFormats, precision, recalibrate, calibrationMethod);
  }

  /** These options with weight sharing {@code options} as a gene (null: none). */
  public QuantOptions withShare(ShareOptions options) {
    return new QuantOptions(calibrationImages, calibrationData, weightBits, perChannel, preprocess, compensate,
        widths, imc, options, numberFormats, precision, recalibrate, calibrationMethod);
  }

  /** These options with the float formats {@code formats} whose designs layers may also use (empty: none). */
  public QuantOptions withNumberFormats(List<String> formats) {
    return new QuantOptions(calibrationImages, calibrationData, weightBits, perChannel, preprocess, compensate,
        widths, imc, share, formats, precision, recalibrate, calibrationMethod);
  }

  /** These options with the data-aware precision {@code label} ({@code DataAwarePrecision}; null: none). */
  public QuantOptions withPrecision(String label) {
    return new QuantOptions(calibrationImages, calibrationData, weightBits, perChannel, preprocess, compensate,
        widths, imc, share, numberFormats, label, recalibrate, calibrationMethod);
  }

  /** These options with the IMC target {@code options} (null: the multiplier target). */
  public QuantOptions withImc(ImcOptions options) {
    return new QuantOptions(calibrationImages, calibrationData, weightBits, perChannel, preprocess,
        options != null ? NO_COMPENSATION : compensate, // the IMC target's --compensate bias is in ImcOptions
        widths, options, share, numberFormats, precision, recalibrate, calibrationMethod);
  }

  /** These options calibrating afresh ({@code true}) or using a recorded quantization when there is one. */
  public QuantOptions withRecalibrate(boolean afresh) {
    return new QuantOptions(calibrationImages, calibrationData, weightBits, perChannel, preprocess, compensate,
        widths, imc, share, numberFormats, precision, afresh, calibrationMethod);
  }

  /** These options calibrating activation ranges by {@code method}: {@code minmax}, {@code percentile}, {@code mse}. */
  public QuantOptions withCalibrationMethod(String method) {
    return new QuantOptions(calibrationImages, calibrationData, weightBits, perChannel, preprocess, compensate,
        widths, imc, share, numberFormats, precision, recalibrate, method);
  }

  /** The calibration method. */
  public CalibrationMethod calibration() {
    return CalibrationMethod.parse(calibrationMethod);
  }

  /** The widths as a set. */
  public WidthSet widthSet() {
    return new WidthSet(widths);
  }

  /**
   * Options without compensation, one width, no sharing, no float formats, nearest rounding; the {@code with...}
   * methods add the rest.
   */
  public QuantOptions(int calibrationImages, String calibrationData, int weightBits, boolean perChannel,
      String preprocess) {
    this(calibrationImages, calibrationData, weightBits, perChannel, preprocess, NO_COMPENSATION, List.of(), null,
        null, List.of(), null, false, DEFAULT_CALIBRATION_METHOD);
  }


  /** The compensation method, or null for {@link #NO_COMPENSATION}. */
  public CompensationMethod compensation() {
    return CompensationMethod.parse(compensate);
  }

  /** 500 calibration images from the train split, 8-bit weights per tensor, the model's own sidecar. */
  public static QuantOptions defaults() {
    return new QuantOptions(DEFAULT_CALIBRATION_IMAGES, "", 8, false, "");
  }

  /** The options as a JSON-ready map with the command-line names; {@link #fromMap} reads it back. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calib", calibrationImages);
    m.put("calib_data", calibrationData);
    m.put("weight_bits", weightBits);
    m.put("per_channel", perChannel);
    m.put("preprocess", preprocess);
    m.put("compensate", compensate);
    if (widths.size() > 1) {
      m.put("weight_widths", widthSet().label());
    }
    if (imc != null) {
      m.putAll(imc.toMap());
    }
    if (share != null) {
      m.put("share", share.label());
    }
    if (!numberFormats.isEmpty()) {
      m.put("number_formats", String.join(",", numberFormats));
    }
    if (!precision.equals(PrecisionSetting.NEAREST)) {
      m.put("precision", precision);
    }
    if (recalibrate) {
      m.put("recalibrate", true);
    }
    if (!calibrationMethod.equals(DEFAULT_CALIBRATION_METHOD)) {
      m.put("calib_method", calibrationMethod);
    }
    return m;
  }

  /** Reads {@link #toMap()}; a missing key takes its default (checkpoints written before these options). */
  public static QuantOptions fromMap(Map<String, Object> m) {
    QuantOptions d = defaults();
    return new QuantOptions(m.get("calib") instanceof Number n ? n.intValue() : d.calibrationImages,
        m.get("calib_data") instanceof String s ? s : d.calibrationData,
        m.get("weight_bits") instanceof Number n ? n.intValue() : d.weightBits,
        m.get("per_channel") instanceof Boolean b ? b : d.perChannel,
        m.get("preprocess") instanceof String s ? s : d.preprocess,
        m.get("compensate") instanceof String s ? s : d.compensate,
        m.get("weight_widths") instanceof String s ? WidthSet.parse(s, "weight_widths").widths() : List.of(),
        ImcOptions.fromMap(m), ShareOptions.fromLabel(m.get("share") instanceof String s ? s : null),
        m.get("number_formats") instanceof String s ? FloatFormats.parse(s, "number_formats") : List.of(),
        m.get("precision") instanceof String s ? s : null, Boolean.TRUE.equals(m.get("recalibrate")),
        m.get("calib_method") instanceof String s ? s : DEFAULT_CALIBRATION_METHOD);
  }
}
