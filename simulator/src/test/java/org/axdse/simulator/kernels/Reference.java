package org.axdse.simulator.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;

/** Plain-loop oracles and random operands for the kernel tests. */
final class Reference {
  private Reference() {}

  /** C[n][m] = sum_k T_n[(a << N) | w] by the definition, straight from the product tables. */
  static int[] gemm(byte[][] a, WeightMatrix w, List<ProductTable> tables) {
    int kLen = a.length;
    int m = a[0].length;
    int bits = w.format().weightBits();
    int[] c = new int[w.rows() * m];
    for (int n = 0; n < w.rows(); n++) {
      for (int j = 0; j < m; j++) {
        int sum = 0;
        for (int k = 0; k < kLen; k++) {
          sum += tables.get(n).atIndex(((a[k][j] & 0xFF) << bits) | w.code(n, k));
        }
        c[n * m + j] = sum;
      }
    }
    return c;
  }

  /** Direct convolution by the definition (ONNX Conv), input [C][B][H][W], output [outC][B * outH * outW]. */
  static int[] conv(ConvGeometry g, int batch, byte[] in, byte pad, WeightMatrix w, List<ProductTable> tables) {
    int oh = g.outHeight();
    int ow = g.outWidth();
    int bits = w.format().weightBits();
    int m = batch * oh * ow;
    int[] out = new int[g.outChannels() * m];
    for (int n = 0; n < g.outChannels(); n++) {
      int group = n / g.groupOutChannels();
      for (int b = 0; b < batch; b++) {
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            int sum = 0;
            for (int c = 0; c < g.groupInChannels(); c++) {
              for (int ky = 0; ky < g.kernelHeight(); ky++) {
                for (int kx = 0; kx < g.kernelWidth(); kx++) {
                  int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                  int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                  int ch = group * g.groupInChannels() + c;
                  byte code = iy < 0 || iy >= g.inHeight() || ix < 0 || ix >= g.inWidth() ? pad
                      : in[((ch * batch + b) * g.inHeight() + iy) * g.inWidth() + ix];
                  int k = (c * g.kernelHeight() + ky) * g.kernelWidth() + kx;
                  sum += tables.get(n).atIndex(((code & 0xFF) << bits) | w.code(n, k));
                }
              }
            }
            out[n * m + (b * oh + oy) * ow + ox] = sum;
          }
        }
      }
    }
    return out;
  }

  static MultiplierFormat format(Random r) {
    return MultiplierFormat.of(2 + r.nextInt(7), r.nextBoolean() ? Signedness.SIGNED : Signedness.UNSIGNED);
  }

  /** The activation panel holding {@code a[k][m]}. */
  static ActivationPanel panel(byte[][] a) {
    ActivationPanel p = ActivationPanel.allocate(a.length, a[0].length);
    for (int k = 0; k < a.length; k++) {
      for (int m = 0; m < a[0].length; m++) {
        p.set(k, m, a[k][m]);
      }
    }
    return p;
  }

  static byte[] bytes(Random r, int size) {
    byte[] b = new byte[size];
    r.nextBytes(b);
    return b;
  }

  static WeightMatrix weights(Random r, MultiplierFormat f, int rows, int cols) {
    byte[] codes = new byte[rows * cols];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) r.nextInt(1 << f.weightBits());
    }
    return WeightMatrix.ofCodes(f, rows, cols, codes);
  }

  /** The exact table with each product moved by up to 3: an approximate multiplier's table. */
  static ProductTable noisy(Random r, MultiplierFormat f) {
    int[] p = ProductTable.exact(f).toArray();
    for (int i = 0; i < p.length; i++) {
      p[i] += r.nextInt(7) - 3;
    }
    return ProductTable.of(f, p);
  }

  /** Arbitrary products over the whole signed 16-bit range, or with one entry beyond it when {@code wide}. */
  static ProductTable random(Random r, MultiplierFormat f, boolean wide) {
    int[] p = new int[f.tableSize()];
    for (int i = 0; i < p.length; i++) {
      p[i] = r.nextInt(65536) - 32768;
    }
    if (wide) {
      p[r.nextInt(p.length)] = 1 << 20;
    }
    return ProductTable.of(f, p);
  }

  /** One table per row, mixing exact, approximate, arbitrary 16-bit and one wide table. */
  static List<ProductTable> mixed(Random r, MultiplierFormat f, int rows) {
    ProductTable exact = ProductTable.exact(f);
    ProductTable noisy = noisy(r, f);
    ProductTable random = random(r, f, false);
    ProductTable wide = random(r, f, true);
    List<ProductTable> tables = new ArrayList<>();
    for (int n = 0; n < rows; n++) {
      tables.add(switch (r.nextInt(8)) {
        case 0, 1, 2 -> exact;
        case 3, 4 -> noisy;
        case 5, 6 -> random;
        default -> wide;
      });
    }
    return tables;
  }

  static RowTables compile(List<ProductTable> tables) {
    return RowTables.ofChannels(tables.stream().map(LookupTable::of).toList());
  }
}
