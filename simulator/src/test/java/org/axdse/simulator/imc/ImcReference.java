package org.axdse.simulator.imc;

/**
 * The IMC dataflow written plainly for tests: integer digits, one loop per array, cycle and slice, no bit packing
 * (the oracle for {@link ImcLayer}).
 */
final class ImcReference {
  private ImcReference() {}

  /**
   * The value {@link ImcLayer} writes for one output: {@code a[k]} activation values, {@code w[k]} weight values.
   */
  static int accumulator(ImcArchitecture arch, ImcKnobs kn, int[] a, int[] w, int weightBits, boolean wSigned,
      int zw, int za, boolean aSigned) {
    int k = a.length;
    int cell = arch.cellBits();
    int slices = arch.slices(weightBits);
    int drop = cell * (slices - kn.slices());
    int ow = wSigned ? 1 << (weightBits - 1) : 0;
    int[] stored = new int[k];
    int sumU = 0;
    int sumW = 0;
    for (int i = 0; i < k; i++) {
      int u = w[i] + ow;
      double r = Math.floor(u / Math.pow(2, drop) + 0.5);
      stored[i] = (int) Math.min(r, Math.floor(((1 << weightBits) - 1) / Math.pow(2, drop))) << drop;
      sumU += stored[i];
      sumW += w[i];
    }
    int droppedPlanes = 8 - kn.planes();
    int[] ap = new int[k];
    int sa = 0;
    int sap = 0;
    for (int i = 0; i < k; i++) {
      double step = Math.pow(2, droppedPlanes);
      double top = Math.floor((aSigned ? 127 : 255) / step) * step;
      ap[i] = (int) Math.min(Math.floor(a[i] / step + 0.5) * step, top);
      sa += a[i];
      sap += ap[i];
    }
    long q = 0;
    for (int t0 = 0; t0 < k; t0 += arch.rows()) {
      int t1 = Math.min(k, t0 + arch.rows());
      int bit = droppedPlanes;
      int top = aSigned ? 6 : 7;
      while (bit <= top || (aSigned && bit == 7)) {
        boolean sign = aSigned && bit == 7;
        int width = sign ? 1 : Math.min(arch.dacBits(), top - bit + 1);
        for (int s = slices - kn.slices(); s < slices; s++) {
          int sum = 0;
          for (int i = t0; i < t1; i++) {
            int bits8 = ap[i] & 0xFF;
            int x = (bits8 >> bit) & ((1 << width) - 1);
            int digit = (stored[i] >> (s * cell)) & ((1 << cell) - 1);
            sum += x * digit;
          }
          long v = adc(arch, sum, kn.adcBits()) * (1L << (bit + cell * s));
          q += sign ? -v : v;
        }
        bit += width;
      }
    }
    long acc = q - (long) (ow + zw) * sap + (long) zw * sa - (long) za * sumU + (long) za * sumW
        + (long) k * za * ow;
    return (int) acc;
  }

  private static long adc(ImcArchitecture arch, int v, int bits) {
    long top = (1L << bits) - 1;
    if (arch.adcMode() == AdcMode.SATURATE) {
      return Math.min(v, top);
    }
    double step = Math.pow(2, arch.fullAdcBits() - bits);
    return (long) (Math.min(Math.floor(v / step + 0.5), top) * step);
  }
}
