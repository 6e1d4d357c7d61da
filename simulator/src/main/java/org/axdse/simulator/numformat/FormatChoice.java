package org.axdse.simulator.numformat;

import org.axdse.multipliers.format.Accumulator;
import java.util.Locale;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.format.NumberFormat;
import org.axdse.multipliers.util.BadInputException;

/**
 * The number format of a float-format simulation: the element format (a minifloat of at most 8 bits, so a product
 * of two codes is one entry of a code-by-code table), where its scales come from, and how products are summed.
 *
 * @param format the element format of weights and activations
 * @param scale per tensor, per output channel or OCP MX blocks of 32
 * @param accumulator exact, or FP32/FP16/BF16 with round-to-nearest-even
 * @param weightMse weight scales by the MSE clip search of {@link ActivationRanges} over each weight tensor (or
 *     output channel) instead of its amax
 */
public record FormatChoice(Minifloat format, ScaleKind scale, Accumulator accumulator, boolean weightMse) {
  /** Expected syntax, for one-line errors. */
  public static final String EXPECTED = "a minifloat of at most 8 bits such as e4m3, e5m2, e3m4, e2m3, e2m1 "
      + "(or mxfp8, mxfp6, mxfp4: e4m3, e2m3, e2m1 with --scale mx32)";

  public FormatChoice {
    if (format == null || scale == null || accumulator == null) {
      throw new IllegalArgumentException("format, scale and accumulator are required");
    }
  }

  /** A choice with amax weight scales. */
  public FormatChoice(Minifloat format, ScaleKind scale, Accumulator accumulator) {
    this(format, scale, accumulator, false);
  }

  /** This choice with MSE-searched weight scales ({@code --weight-calib mse}); MX block scales ignore it. */
  public FormatChoice withWeightMse(boolean on) {
    return new FormatChoice(format, scale, accumulator, on);
  }

  /**
   * Parses the three flags. {@code formatText} is a minifloat name as {@link NumberFormat#parse} reads it, or an
   * OCP MX name ({@code mxfp8}, {@code mxfp6}, {@code mxfp4}), which implies {@code --scale mx32}; {@code
   * scaleText} null means {@code tensor} (or {@code mx32} for an MX name).
   *
   * @throws BadInputException one line naming the flag and the problem
   */
  public static FormatChoice parse(String formatText, String scaleText, String accumulatorText) {
    String lower = formatText.trim().toLowerCase(Locale.ROOT);
    String element = switch (lower) {
      case "mxfp8" -> "e4m3";
      case "mxfp6" -> "e2m3";
      case "mxfp4" -> "e2m1";
      default -> null;
    };
    ScaleKind scale = scaleText == null ? (element != null ? ScaleKind.MX32 : ScaleKind.TENSOR)
        : ScaleKind.parse(scaleText);
    if (scale == null) {
      throw new BadInputException("--scale: '" + scaleText + "' is not one of tensor, channel, mx32");
    }
    if (element != null && scale != ScaleKind.MX32) {
      throw new BadInputException("--number-format " + formatText + " is block-scaled: it takes --scale mx32, not "
          + scale.label());
    }
    Accumulator acc = Accumulator.parse(accumulatorText);
    if (acc == null) {
      throw new BadInputException("--accumulate: '" + accumulatorText + "' is not one of exact, fp32, fp16, bf16");
    }
    NumberFormat f;
    try {
      f = NumberFormat.parse(element != null ? element : lower);
    } catch (IllegalArgumentException | BadInputException e) {
      throw new BadInputException("--number-format " + formatText + ": " + e.getMessage() + "; expected " + EXPECTED);
    }
    if (!(f instanceof Minifloat m)) {
      throw new BadInputException("--number-format " + formatText + ": an integer format; integers are --quant "
          + "sym|asym with --weight-bits");
    }
    return new FormatChoice(m, scale, acc);
  }

  /** A label such as {@code e4m3 tensor exact}. */
  public String label() {
    return format.name() + " " + scale.label() + " " + accumulator.label();
  }

  /**
   * Checks that the accumulator holds every product of two format values exactly (unscaled): one line naming the
   * layer and the format otherwise, e.g. FP16 refuses E4M3, whose 448 x 448 exceeds its range.
   *
   * @throws BadInputException naming {@code layer}
   */
  public void checkAccumulator(String layer) {
    double[] m = FormatGrid.of(format).magnitudes();
    for (double a : m) {
      for (double b : m) {
        if (!accumulator.holds(a * b)) {
          throw new BadInputException("layer '" + layer + "': --accumulate " + accumulator.label()
              + " is narrower than the products of " + format.name() + " (" + a + " x " + b + " = " + a * b
              + " is not a " + accumulator.label() + " value); use a wider accumulator or exact");
        }
      }
    }
  }

  /**
   * True when the {@link Accumulator#EXACT} double holds every partial sum of {@code reduction} products exactly
   * with per-tensor or per-channel scales: the products' integer span plus {@code log2(reduction)} is at most 53
   * bits. True for E4M3 (36 bits) at any reduction below 2^17; false for E5M2 (64 bits).
   */
  public boolean exactSums(int reduction) {
    int sumBits = format.productMagnitudeBits() + (32 - Integer.numberOfLeadingZeros(Math.max(1, reduction - 1)));
    return scale != ScaleKind.MX32 && sumBits <= 53;
  }
}
