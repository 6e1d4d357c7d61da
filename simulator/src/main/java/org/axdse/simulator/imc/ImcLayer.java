package org.axdse.simulator.imc;

import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Im2Col;
import org.axdse.simulator.kernels.Kernels;

/**
 * One convolution or dense layer computed by the bit-decomposed IMC dataflow, bit-exactly.
 *
 * <p>Mapping. Weight value {@code w} (code of output channel n) is stored unsigned as {@code u = w + ow}, with
 * offset {@code ow = 2^(N-1)} for signed weights and 0 for unsigned ones (the biased encoding of ISAAC, Shafiee et
 * al., ISCA 2016), cut into slices of {@code cellBits} bits from the LSB. When only the top slices are kept, the
 * stored weight is {@code u} rounded to them (halves up, clamped), chosen when the weights are written. An
 * activation value {@code a} (two's complement for signed codes, whose sign plane is its own cycle with negative
 * weight) is applied {@code dacBits} planes per cycle, from the lowest kept plane up. With dropped LSB planes the
 * activation is rounded to the kept ones (halves up, clamped to the largest code), as the producing layer's
 * digital requantization can write it at no cost: {@code a'} then has no systematic error. The reduction axis is cut into arrays of R rows; each (array, cycle,
 * slice) column sum goes through the ADC, then {@code Q = sum ±ADC(col) << (plane + cellBits * slice)}.
 *
 * <p>Digital periphery. With input zero point {@code za}, weight zero point {@code zw[n]}, exact column sum
 * {@code S_a}, processed sum {@code S_a'}, weight sum {@code S_w}, stored weight sum {@code S_u}, it writes
 * {@code Q - (ow + zw) S_a' + zw S_a - za S_u + za S_w + K za ow}; the engine then subtracts
 * {@code zw S_a + za S_w - K za zw}, leaving {@code sum_k (a'_k - za)(u_k - ow - zw)} as the array computed it.
 * With every plane and slice and a full-resolution ADC, {@code Q = sum a u} and the result is the exact
 * {@code sum a w}, bit for bit (all in wrapping int32).
 *
 * <p>Speed. A column's kept activation planes are packed into 64-bit words along the reduction axis, weight slice
 * bits likewise, and a column sum is {@code sum 2^(j+b) bitCount(plane_j & cellbit_b)}; all-zero planes of an
 * array are skipped (their sum is 0 in both ADC modes). Tasks cover disjoint blocks of 64 columns.
 */
public final class ImcLayer implements LayerDataflow {
  private static final int BLOCK = 64;

  private final ImcArchitecture arch;
  private final ImcKnobs knobs;
  private final int rows;
  private final int k;
  private final int words;
  private final int tileWords;
  private final int tiles;
  private final int slices;
  private final int firstSlice;
  private final int[] sliceBits;
  private final long[] wbits;
  private final int[] rowConst;
  private final int[] zw;
  private final int ow;
  private final boolean signed;
  private final int keepMask;
  private final int roundHalf;
  private final int maxKept;
  private final int full;
  private final int[] adcTable;
  private final boolean twoWordBitSerial;
  private final int[] stepLow;
  private final int[] stepWidth;
  private final boolean[] stepNegative;

  /**
   * A layer of {@code rows} output channels with reduction length {@code k}: {@code weights[n * k + kk]} are weight
   * values ({@code weightBits} bits, two's complement when {@code weightsSigned}), {@code zw[n]} their zero points,
   * {@code za} the input zero point, {@code activationsSigned} whether input codes are two's complement.
   */
  public ImcLayer(ImcArchitecture arch, ImcKnobs knobs, int rows, int k, int[] weights, int weightBits,
      boolean weightsSigned, int[] zw, int za, boolean activationsSigned) {
    if (weights.length != (long) rows * k || zw.length != rows) {
      throw new IllegalArgumentException("weights " + weights.length + " / zero points " + zw.length + " for "
          + rows + " x " + k);
    }
    this.arch = arch;
    this.knobs = knobs;
    this.rows = rows;
    this.k = k;
    this.tileWords = arch.rows() / 64;
    this.tiles = ((k + 63) / 64 + tileWords - 1) / tileWords;
    this.words = tiles * tileWords;
    int cell = arch.cellBits();
    this.slices = arch.slices(weightBits);
    this.firstSlice = slices - knobs.slices();
    this.sliceBits = new int[slices];
    for (int s = 0; s < slices; s++) {
      sliceBits[s] = Math.min(cell, weightBits - s * cell);
    }
    this.ow = weightsSigned ? 1 << (weightBits - 1) : 0;
    this.signed = activationsSigned;
    this.keepMask = -(1 << (ImcKnobs.ACTIVATION_BITS - knobs.planes()));
    this.roundHalf = (1 << (ImcKnobs.ACTIVATION_BITS - knobs.planes())) >> 1;
    this.maxKept = (activationsSigned ? 127 : 255) & keepMask;
    this.full = arch.fullAdcBits();
    this.adcTable = new int[arch.maxColumnSum() < 1 << 16 ? arch.maxColumnSum() + 1 : 0];
    for (int v = 0; v < adcTable.length; v++) {
      adcTable[v] = arch.adcMode().convert(v, knobs.adcBits(), full);
    }
    this.twoWordBitSerial = tileWords == 2 && arch.dacBits() == 1 && adcTable.length > 0;
    this.zw = zw.clone();
    this.rowConst = new int[rows];
    this.wbits = new long[rows * slices * cell * words];
    int drop = cell * firstSlice;
    int top = ((1 << weightBits) - 1) >> drop;
    for (int n = 0; n < rows; n++) {
      int sumU = 0;
      int sumW = 0;
      for (int kk = 0; kk < k; kk++) {
        int w = weights[n * k + kk];
        int u = w + ow;
        if (u < 0 || u >= 1 << weightBits) {
          throw new IllegalArgumentException("weight " + w + " does not fit " + weightBits + " bits");
        }
        int stored = drop == 0 ? u : Math.min((u + (1 << (drop - 1))) >> drop, top) << drop;
        sumU += stored;
        sumW += w;
        for (int s = firstSlice; s < slices; s++) {
          int digit = (stored >> (s * cell)) & ((1 << sliceBits[s]) - 1);
          for (int b = 0; b < sliceBits[s]; b++) {
            if ((digit >> b & 1) != 0) {
              wbits[((n * slices + s) * cell + b) * words + (kk >>> 6)] |= 1L << (kk & 63);
            }
          }
        }
      }
      rowConst[n] = -za * sumU + za * sumW + k * za * ow;
    }
    int lo = ImcKnobs.ACTIVATION_BITS - knobs.planes();
    int last = signed ? ImcKnobs.ACTIVATION_BITS - 2 : ImcKnobs.ACTIVATION_BITS - 1;
    int n = 0;
    int[] low = new int[ImcKnobs.ACTIVATION_BITS];
    int[] width = new int[ImcKnobs.ACTIVATION_BITS];
    boolean[] neg = new boolean[ImcKnobs.ACTIVATION_BITS];
    for (int b = lo; b <= last; b += arch.dacBits()) {
      low[n] = b;
      width[n++] = Math.min(arch.dacBits(), last - b + 1);
    }
    if (signed) {
      low[n] = ImcKnobs.ACTIVATION_BITS - 1;
      width[n] = 1;
      neg[n++] = true;
    }
    this.stepLow = java.util.Arrays.copyOf(low, n);
    this.stepWidth = java.util.Arrays.copyOf(width, n);
    this.stepNegative = java.util.Arrays.copyOf(neg, n);
  }

  /** Activation cycles per column: the DAC steps over the processed planes. */
  public int cycles() {
    return stepLow.length;
  }

  public ImcKnobs knobs() {
    return knobs;
  }

  @Override
  public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] columnSums,
      Kernels kernels) {
    g.requireShape(rows, k);
    int m = batch * g.outHeight() * g.outWidth();
    Im2Col.eachGroup(g, batch, input, padCode,
        (panel, group, from, to) -> run(panel, from, to, acc, columnSums, group * m, kernels));
  }

  @Override
  public void gemm(ActivationPanel panel, int[] acc, Kernels kernels) {
    if (panel.rows() != k) {
      throw new IllegalArgumentException("panel has " + panel.rows() + " rows for reduction " + k);
    }
    run(panel, 0, rows, acc, null, 0, kernels);
  }

  private void run(ActivationPanel p, int nFrom, int nTo, int[] acc, int[] sums, int sumsOff, Kernels kernels) {
    int m = p.cols();
    int blocks = (m + BLOCK - 1) / BLOCK;
    kernels.parallelFor(blocks, t -> block(p, nFrom, nTo, t * BLOCK, Math.min(m, (t + 1) * BLOCK), acc, sums,
        sumsOff));
  }

  private void block(ActivationPanel p, int nFrom, int nTo, int c0, int c1, int[] acc, int[] sums, int sumsOff) {
    int m = p.cols();
    int bits = ImcKnobs.ACTIVATION_BITS;
    long[] planes = new long[bits * words];
    int steps = stepLow.length;
    boolean[] active = new boolean[tiles * steps];
    int[] q = new int[nTo - nFrom];
    for (int col = c0; col < c1; col++) {
      java.util.Arrays.fill(planes, 0L);
      int sa = 0;
      int sap = 0;
      for (int kk = 0; kk < k; kk++) {
        byte code = p.get(kk, col);
        int a = signed ? code : code & 0xFF;
        int ap = Math.min((a + roundHalf) & keepMask, maxKept);
        sa += a;
        sap += ap;
        int set = ap & 0xFF;
        long bit = 1L << (kk & 63);
        int w = kk >>> 6;
        while (set != 0) {
          planes[Integer.numberOfTrailingZeros(set) * words + w] |= bit;
          set &= set - 1;
        }
      }
      if (sums != null) {
        sums[sumsOff + col] = sa;
      }
      for (int t = 0; t < tiles; t++) {
        int w0 = t * tileWords;
        int w1 = w0 + tileWords;
        for (int st = 0; st < steps; st++) {
          boolean any = false;
          for (int j = 0; j < stepWidth[st] && !any; j++) {
            int base = (stepLow[st] + j) * words;
            for (int w = w0; w < w1; w++) {
              any |= planes[base + w] != 0;
            }
          }
          active[t * steps + st] = any;
        }
      }
      if (twoWordBitSerial) {
        java.util.Arrays.fill(q, 0);
        bitSerialTwoWords(planes, active, nFrom, nTo, q);
      } else {
        generic(planes, active, nFrom, nTo, q);
      }
      for (int n = nFrom; n < nTo; n++) {
        acc[n * m + col] = q[n - nFrom] + rowConst[n] - (ow + zw[n]) * sap + zw[n] * sa;
      }
    }
  }

  /**
   * The common case, R = 128 and a 1-bit DAC: per array and cycle the plane's two words stay in registers while
   * every channel's slice bits stream past.
   */
  private void bitSerialTwoWords(long[] planes, boolean[] active, int nFrom, int nTo, int[] q) {
    int cell = arch.cellBits();
    int steps = stepLow.length;
    int perRow = slices * cell * words;
    for (int t = 0; t < tiles; t++) {
      int w0 = t * 2;
      for (int st = 0; st < steps; st++) {
        if (!active[t * steps + st]) {
          continue;
        }
        int plane = stepLow[st];
        long a0 = planes[plane * words + w0];
        long a1 = planes[plane * words + w0 + 1];
        boolean neg = stepNegative[st];
        for (int n = nFrom; n < nTo; n++) {
          int base = n * perRow + w0;
          int sumAll = 0;
          for (int s = firstSlice; s < slices; s++) {
            int i = base + s * cell * words;
            int sum = 0;
            for (int b = 0; b < sliceBits[s]; b++, i += words) {
              sum += (Long.bitCount(a0 & wbits[i]) + Long.bitCount(a1 & wbits[i + 1])) << b;
            }
            sumAll += adcTable[sum] << (cell * s);
          }
          sumAll <<= plane;
          q[n - nFrom] += neg ? -sumAll : sumAll;
        }
      }
    }
  }

  private int adc(int sum) {
    return adcTable.length > 0 ? adcTable[sum] : arch.adcMode().convert(sum, knobs.adcBits(), full);
  }

  private void generic(long[] planes, boolean[] active, int nFrom, int nTo, int[] qOut) {
    int cell = arch.cellBits();
    int steps = stepLow.length;
    for (int n = nFrom; n < nTo; n++) {
      int q = 0;
      for (int t = 0; t < tiles; t++) {
        int w0 = t * tileWords;
        int w1 = w0 + tileWords;
        for (int st = 0; st < steps; st++) {
          if (!active[t * steps + st]) {
            continue;
          }
          for (int s = firstSlice; s < slices; s++) {
            int sum = 0;
            for (int j = 0; j < stepWidth[st]; j++) {
              int pb = (stepLow[st] + j) * words;
              for (int b = 0; b < sliceBits[s]; b++) {
                int wb = ((n * slices + s) * cell + b) * words;
                int pc = 0;
                for (int w = w0; w < w1; w++) {
                  pc += Long.bitCount(planes[pb + w] & wbits[wb + w]);
                }
                sum += pc << (j + b);
              }
            }
            int v = adc(sum) << (stepLow[st] + cell * s);
            q += stepNegative[st] ? -v : v;
          }
        }
      }
      qOut[n - nFrom] = q;
    }
  }
}
