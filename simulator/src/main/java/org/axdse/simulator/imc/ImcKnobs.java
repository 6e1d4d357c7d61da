package org.axdse.simulator.imc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.util.BadInputException;

/**
 * The approximation of one layer on the IMC target: how many activation bit-planes are processed (the most
 * significant ones; dropped planes are LSB cycles skipped), how many weight slices are read (the most significant
 * ones; the stored weight is rounded to them), and the ADC resolution. Named {@code pP-sS-aA}, for example
 * {@code p6-s3-a7}: the name a configuration file or a search gene uses.
 *
 * @param planes activation bit-planes processed, 1..8
 * @param slices weight slices kept, 1..(weight bits / cell bits, rounded up)
 * @param adcBits ADC resolution, 1..the architecture's full resolution
 */
public record ImcKnobs(int planes, int slices, int adcBits) {
  /** Activation bits (activations are always 8-bit codes). */
  public static final int ACTIVATION_BITS = 8;

  private static final Pattern NAME = Pattern.compile("p(\\d{1,2})-s(\\d{1,2})-a(\\d{1,2})");

  public ImcKnobs {
    if (planes < 1 || planes > ACTIVATION_BITS || slices < 1 || adcBits < 1) {
      throw new IllegalArgumentException("IMC knobs out of range: planes " + planes + " (1..8), slices " + slices
          + " (>= 1), ADC bits " + adcBits + " (>= 1)");
    }
  }

  /** Every plane and slice, and the full ADC resolution: the exact computation. */
  public static ImcKnobs full(ImcArchitecture arch, int weightBits) {
    return new ImcKnobs(ACTIVATION_BITS, arch.slices(weightBits), arch.fullAdcBits());
  }

  /** Parses {@code pP-sS-aA}; {@code where} names the file or flag and layer for the one-line error. */
  public static ImcKnobs parse(String text, String where) {
    Matcher m = NAME.matcher(text.strip());
    if (!m.matches()) {
      throw new BadInputException(where + ": '" + text + "' is not an IMC configuration (expected pP-sS-aA, e.g. "
          + "p8-s4-a9)");
    }
    int p = Integer.parseInt(m.group(1));
    int s = Integer.parseInt(m.group(2));
    int a = Integer.parseInt(m.group(3));
    if (p < 1 || s < 1 || a < 1 || p > ACTIVATION_BITS) {
      throw new BadInputException(where + ": '" + text + "': planes must be 1..8 and slices and ADC bits >= 1");
    }
    return new ImcKnobs(p, s, a);
  }

  /** Checks the knobs against {@code arch} for {@code weightBits}-bit weights; the error names {@code where}. */
  public ImcKnobs checkFor(ImcArchitecture arch, int weightBits, String where) {
    int s = arch.slices(weightBits);
    if (slices > s) {
      throw new BadInputException(where + ": " + name() + " keeps " + slices + " weight slices, but " + weightBits
          + "-bit weights in " + arch.cellBits() + "-bit cells have " + s);
    }
    if (adcBits > arch.fullAdcBits()) {
      throw new BadInputException(where + ": " + name() + " asks for a " + adcBits + "-bit ADC, but " + arch.name()
          + " resolves every column sum with " + arch.fullAdcBits() + " bits (the most allowed)");
    }
    return this;
  }

  /** True when this is the exact computation on {@code arch}. */
  public boolean isFull(ImcArchitecture arch, int weightBits) {
    return equals(full(arch, weightBits));
  }

  /** The configuration's name, {@code pP-sS-aA}. */
  public String name() {
    return "p" + planes + "-s" + slices + "-a" + adcBits;
  }
}
