package org.axdse.simulator.imc;

/**
 * Per-operation energies of the IMC architecture, in picojoules.
 *
 * @param adcPj one ADC conversion at {@code adcReferenceBits}; other resolutions scale by {@code 2^(b - ref)}
 *     (a constant Walden figure of merit: energy per conversion step)
 * @param adcReferenceBits the resolution {@code adcPj} was measured at
 * @param arrayReadPj one crossbar array evaluated with one activation input vector (all its rows and columns)
 * @param dacPjPerRow one row driven by its DAC for one activation cycle
 * @param shiftAddPj one digitized column sum shifted and added
 * @param bufferPjPerByte one byte moved through the input or output buffer
 */
public record ImcEnergies(double adcPj, int adcReferenceBits, double arrayReadPj, double dacPjPerRow,
    double shiftAddPj, double bufferPjPerByte) {
  public ImcEnergies {
    check("adcPj", adcPj);
    check("arrayReadPj", arrayReadPj);
    check("dacPjPerRow", dacPjPerRow);
    check("shiftAddPj", shiftAddPj);
    check("bufferPjPerByte", bufferPjPerByte);
    if (adcReferenceBits < 1 || adcReferenceBits > 24) {
      throw new IllegalArgumentException("adcReferenceBits must be 1..24, got " + adcReferenceBits);
    }
  }

  private static void check(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite energy >= 0 pJ, got " + v);
    }
  }

  /** Energy of one conversion at {@code bits}. */
  public double adcPj(int bits) {
    return adcPj * Math.scalb(1.0, bits - adcReferenceBits);
  }
}
