package org.axdse.multipliers.cgp;

import org.axdse.multipliers.netlist.BitParallelSimulator;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;

/**
 * The operand pairs of positive probability under an {@link OperandDistribution}, bit-transposed in words of 64
 * for the {@link BitParallelSimulator}, with their probabilities and exact products: a candidate's weighted error
 * is one pass over the support only (a real layer's support is a fraction of the {@code 2^(8+N)} pairs). Pairs
 * are in table-index order, padding lanes of the last word have probability 0. Immutable.
 */
public final class SupportStimulus {
  private final MultiplierFormat format;
  private final int[] indices;
  private final double[] probabilities;
  private final int[] exact;
  private final long[][] aWords;
  private final long[][] wWords;
  private final double signalPower;
  private final double meanAbsProduct;

  private SupportStimulus(MultiplierFormat format, int[] indices, double[] probabilities) {
    this.format = format;
    this.indices = indices;
    this.probabilities = probabilities;
    int n = format.weightBits();
    int words = (indices.length + 63) / 64;
    exact = new int[indices.length];
    aWords = new long[words][format.activationBits()];
    wWords = new long[words][n];
    double signal = 0;
    double absProduct = 0;
    for (int i = 0; i < indices.length; i++) {
      int idx = indices[i];
      exact[i] = format.exactProductAt(idx);
      signal += probabilities[i] * exact[i] * (double) exact[i];
      absProduct += probabilities[i] * Math.abs((double) exact[i]);
      int act = idx >>> n;
      long lane = 1L << (i & 63);
      for (int b = 0; b < format.activationBits(); b++) {
        if (((act >>> b) & 1) != 0) {
          aWords[i >>> 6][b] |= lane;
        }
      }
      for (int b = 0; b < n; b++) {
        if (((idx >>> b) & 1) != 0) {
          wWords[i >>> 6][b] |= lane;
        }
      }
    }
    this.signalPower = signal;
    this.meanAbsProduct = absProduct;
  }

  /** The support of {@code d} (an integer format). */
  public static SupportStimulus of(OperandDistribution d) {
    if (d.format().isFloat()) {
      throw new IllegalArgumentException("CGP evolves integer multipliers, not " + d.format());
    }
    int count = 0;
    for (int i = 0; i < d.format().tableSize(); i++) {
      count += d.probabilityAt(i) > 0 ? 1 : 0;
    }
    int[] idx = new int[count];
    double[] p = new double[count];
    int k = 0;
    for (int i = 0; i < d.format().tableSize(); i++) {
      if (d.probabilityAt(i) > 0) {
        idx[k] = i;
        p[k++] = d.probabilityAt(i);
      }
    }
    return new SupportStimulus(d.format(), idx, p);
  }

  public MultiplierFormat format() {
    return format;
  }

  /** Number of operand pairs of positive probability. */
  public int size() {
    return indices.length;
  }

  /** The table index of support pair {@code i}. */
  public int index(int i) {
    return indices[i];
  }

  /** The probability of support pair {@code i}. */
  public double probability(int i) {
    return probabilities[i];
  }

  /** Words of 64 pairs (the last one padded). */
  public int words() {
    return aWords.length;
  }

  /** The activation bits of word {@code w} ({@code [b]}: operand bit b, one lane per pair); do not modify. */
  long[] activationWord(int w) {
    return aWords[w];
  }

  /** The weight bits of word {@code w} ({@code [b]}: operand bit b, one lane per pair); do not modify. */
  long[] weightWord(int w) {
    return wWords[w];
  }

  /** The weighted error of {@code netlist} over the support, in table-index order. */
  public WeightedError error(Netlist netlist) {
    return weigh(products(netlist));
  }

  /**
   * The product of every support pair ({@code result[i]} for pair {@code i}, sign-extended in signed formats), from
   * the {@link BitParallelSimulator} over the support's words.
   */
  public int[] products(Netlist netlist) {
    if (!netlist.format().equals(format)) {
      throw new IllegalArgumentException("netlist format " + netlist.format() + " differs from " + format);
    }
    BitParallelSimulator sim = new BitParallelSimulator(netlist);
    long[] nets = sim.newNetValues();
    int pbits = netlist.productBits();
    long[] product = new long[pbits];
    int[] out = new int[indices.length];
    for (int w = 0; w < aWords.length; w++) {
      sim.evaluate(aWords[w], wWords[w], nets);
      for (int b = 0; b < pbits; b++) {
        product[b] = nets[netlist.productNet(b)];
      }
      unpack(product, w, out);
    }
    return out;
  }

  /**
   * Writes the products of word {@code w}, whose product bit {@code b} is {@code bits[b]} (one lane per pair), to
   * {@code out} (sign-extended in signed formats).
   */
  void unpack(long[] bits, int w, int[] out) {
    int pbits = bits.length;
    int shift = format.signed() && pbits < 32 ? 32 - pbits : 0;
    int base = 64 * w;
    int lanes = Math.min(64, indices.length - base);
    int[] word = new int[64];
    for (int h = 0; h < pbits; h += 8) {
      int top = Math.min(8, pbits - h);
      for (int j = 0; j < 8; j++) {
        long acc = 0;
        for (int b = 0; b < top; b++) {
          acc |= SPREAD[(int) (bits[h + b] >>> (8 * j)) & 0xff] << b;
        }
        for (int k = 0; k < 8; k++) {
          word[8 * j + k] |= (int) ((acc >>> (8 * k)) & 0xff) << h;
        }
      }
    }
    for (int l = 0; l < lanes; l++) {
      out[base + l] = (word[l] << shift) >> shift;
    }
  }

  /** As {@link #unpack} for the lanes set in {@code lanes} only (the others of {@code out} are left as they are). */
  void unpackLanes(long[] bits, int w, long lanes, int[] out) {
    int pbits = bits.length;
    int shift = format.signed() && pbits < 32 ? 32 - pbits : 0;
    int base = 64 * w;
    for (long m = lanes; m != 0; m &= m - 1) {
      int l = Long.numberOfTrailingZeros(m);
      if (base + l >= indices.length) {
        break;
      }
      int v = 0;
      for (int b = 0; b < pbits; b++) {
        v |= (int) ((bits[b] >>> l) & 1L) << b;
      }
      out[base + l] = (v << shift) >> shift;
    }
  }

  /** {@code SPREAD[x]}: bit {@code k} of byte {@code x} moved to bit 0 of byte {@code k}. */
  private static final long[] SPREAD = new long[256];

  static {
    for (int x = 0; x < 256; x++) {
      long v = 0;
      for (int k = 0; k < 8; k++) {
        v |= (long) ((x >>> k) & 1) << (8 * k);
      }
      SPREAD[x] = v;
    }
  }

  /** The weighted error of {@code products} ({@code products[i]} of support pair {@code i}). */
  public WeightedError weigh(int[] products) {
    if (products.length != indices.length) {
      throw new IllegalArgumentException(products.length + " products for " + indices.length + " pairs");
    }
    double mean = 0;
    double mae = 0;
    double mse = 0;
    for (int i = 0; i < indices.length; i++) {
      double p = probabilities[i];
      double e = (double) products[i] - exact[i];
      mean += p * e;
      mae += p * Math.abs(e);
      mse += p * e * e;
    }
    return new WeightedError(mean, mae, mse, signalPower, meanAbsProduct);
  }
}
