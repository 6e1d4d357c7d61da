package org.axdse.simulator.cli;

import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.precision.GptqRounding;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine.Option;

/**
 * {@code --weight-rounding nearest|gptq} (a picocli mixin): how the weights of widths narrower than the widest
 * {@code --weight-bits} width are rounded. {@code gptq} rounds them with error feedback under the second moments of
 * each layer's inputs over the calibration images ({@link GptqRounding}); the calibration itself is unchanged.
 */
public final class PrecisionOptions {
  @Option(names = "--weight-rounding", paramLabel = "nearest|gptq", description = "rounding of weights narrower "
      + "than the widest --weight-bits width: nearest, or gptq (error feedback under the calibration images' input "
      + "second moments; needs several widths) (default: ${DEFAULT-VALUE})")
  String weightRounding = "nearest";

  /** True for {@code gptq}; a one-line error for an unknown value or gptq with one width. */
  boolean gptq(WidthSet widths) {
    if (!weightRounding.equals("nearest") && !weightRounding.equals(GptqRounding.LABEL)) {
      throw new BadInputException("--weight-rounding: '" + weightRounding + "' is not nearest or gptq");
    }
    boolean gptq = weightRounding.equals(GptqRounding.LABEL);
    if (gptq && widths.single()) {
      throw new BadInputException("--weight-rounding gptq: rounds the widths narrower than the widest; give "
          + "several --weight-bits widths, e.g. 4,8 (got " + widths.label() + ")");
    }
    return gptq;
  }

  /** A one-line error when {@code --weight-rounding} is given where the rounding comes recorded ({@code what}). */
  void refuse(String what) {
    if (!weightRounding.equals("nearest")) {
      throw new BadInputException("--weight-rounding: not with " + what);
    }
  }

  /** {@link #gptq}, and a one-line error for gptq with sharing flags ({@code shared}), before any work. */
  void check(WidthSet widths, boolean shared) {
    if (gptq(widths) && shared) {
      throw notWithSharing();
    }
  }

  private static BadInputException notWithSharing() {
    return new BadInputException("--weight-rounding gptq: not with --share (rounding shared values one by one "
        + "would undo the sharing; use --share-codebook refit)");
  }

  /** {@code q} with GPTQ rounding fitted on {@code calib} when asked for, else {@code q}. */
  QuantizedModel apply(QuantizedModel q, WidthSet widths, Model model, Preprocessing pre, Dataset calib,
      boolean shared) {
    if (gptq(widths) && shared) {
      throw notWithSharing();
    }
    return gptq(widths) ? q.withRounding(GptqRounding.fit(model, pre, calib)) : q;
  }
}
