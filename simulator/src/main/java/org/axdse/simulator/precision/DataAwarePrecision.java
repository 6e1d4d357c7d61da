package org.axdse.simulator.precision;

import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The data-aware precision settings of a run: GPTQ rounding of the narrower weight widths ({@code gptq}) and/or
 * least-squares refits of shared codebooks ({@code refit:N}, N rounds of reassignment), both under the input moments
 * of the calibration images. {@link #label()} ({@code nearest}, {@code gptq}, {@code refit:0}, {@code gptq,refit:2})
 * is how run settings, the cluster wire and {@code deploy.json} ({@code quantization.config.weightRounding}) record
 * it; {@link #parse} reads it back.
 *
 * @param gptq GPTQ rounding of widths narrower than the widest
 * @param refitRounds -1: k-means codebooks; else refitted codebooks with this many reassignment rounds
 */
public record DataAwarePrecision(boolean gptq, int refitRounds) {
  public static final String NEAREST = "nearest";
  public static final DataAwarePrecision NONE = new DataAwarePrecision(false, -1);

  public DataAwarePrecision {
    if (refitRounds < -1) {
      throw new IllegalArgumentException("refit rounds must be >= 0, got " + refitRounds);
    }
  }

  /** The settings of the flags: {@code --weight-rounding nearest|gptq}, {@code --share-codebook kmeans|refit}. */
  public static DataAwarePrecision of(String weightRounding, String codebook, int rounds) {
    if (!NEAREST.equals(weightRounding) && !GptqRounding.LABEL.equals(weightRounding)) {
      throw new BadInputException("--weight-rounding: '" + weightRounding + "' is not nearest or gptq");
    }
    if (!"kmeans".equals(codebook) && !"refit".equals(codebook)) {
      throw new BadInputException("--share-codebook: '" + codebook + "' is not kmeans or refit");
    }
    if (rounds < 0) {
      throw new BadInputException("--share-refit-rounds: " + rounds + " must be >= 0");
    }
    return new DataAwarePrecision(GptqRounding.LABEL.equals(weightRounding), "refit".equals(codebook) ? rounds : -1);
  }

  /** Reads {@link #label()} (null or empty: {@link #NONE}); IllegalArgumentException for anything else. */
  public static DataAwarePrecision parse(String label) {
    if (label == null || label.isBlank() || label.equals(NEAREST)) {
      return NONE;
    }
    boolean gptq = false;
    int rounds = -1;
    for (String part : label.split(",")) {
      if (part.equals(GptqRounding.LABEL) && !gptq) {
        gptq = true;
      } else if (part.startsWith("refit:") && rounds < 0) {
        try {
          rounds = Integer.parseInt(part.substring("refit:".length()));
        } catch (NumberFormatException e) {
          rounds = -2;
        }
        if (rounds < 0) {
          throw new IllegalArgumentException("weight rounding '" + label + "': refit rounds must be an integer >= 0");
        }
      } else {
        throw new IllegalArgumentException("weight rounding '" + label + "' is not nearest, gptq, refit:N or "
            + "gptq,refit:N");
      }
    }
    return new DataAwarePrecision(gptq, rounds);
  }

  public boolean none() {
    return !gptq && refitRounds < 0;
  }

  public String label() {
    if (none()) {
      return NEAREST;
    }
    String refit = refitRounds >= 0 ? "refit:" + refitRounds : "";
    return gptq ? (refit.isEmpty() ? GptqRounding.LABEL : GptqRounding.LABEL + "," + refit) : refit;
  }

  /** {@code q} rounding as these settings say, fitted on {@code calibration} ({@code q} itself for none). */
  public QuantizedModel apply(QuantizedModel q, Model model, Preprocessing pre, Dataset calibration) {
    return none() ? q : q.withRounding(new DataAwareRounding(model, InputMoments.of(model, pre, calibration), this));
  }
}
