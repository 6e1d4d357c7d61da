package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.Arrays;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.BadInputException;

/**
 * The 256 x 256 product tables that the PyTorch simulators of approximate multipliers read: both operands are
 * indexed by their 8-bit pattern ({@code (uint8_t) x}, two's complement for signed formats), so a kernel looks a
 * product up without converting its int8 operands. Weights of fewer than 8 bits sit at their sign-extended
 * pattern; the patterns that are no weight of the format hold 0. Which operand picks the row differs by tool:
 * TorchApprox ({@code lut[activation][weight]}, its CPU kernel {@code ta_gemm_cpu}) and AdaPT's linear kernel
 * read activation-major, AdaPT's conv2d kernel weight-major ({@code lut[weight][input]}).
 */
public final class ToolTables {
  /** Rows and columns of a tool table. */
  public static final int SIDE = 256;

  /** Which operand's pattern selects the row. */
  public enum Order {
    ACTIVATION_MAJOR, WEIGHT_MAJOR
  }

  private ToolTables() {}

  /** Entry {@code [row * 256 + column]} of the table in {@code order}. */
  public static int[] byBitPattern(ProductTable table, Order order) {
    MultiplierFormat f = table.format();
    int[] out = new int[SIDE * SIDE];
    for (int ap = 0; ap < SIDE; ap++) {
      int a = operand(ap, f.signed());
      for (int wp = 0; wp < SIDE; wp++) {
        int w = operand(wp, f.signed());
        int p = w < f.minWeight() || w > f.maxWeight() ? 0 : table.product(a, w);
        out[order == Order.ACTIVATION_MAJOR ? ap * SIDE + wp : wp * SIDE + ap] = p;
      }
    }
    return out;
  }

  /** The operand value of 8-bit pattern {@code pattern}. */
  public static int operand(int pattern, boolean signed) {
    return signed ? (byte) pattern : pattern;
  }

  /**
   * The TorchApprox table as an {@code .npy} file: {@code <i2}, shape (256, 256), activation-major. TorchApprox
   * keeps its table as {@code torch.short}, so a product outside int16 is an error naming {@code target}.
   */
  public static byte[] torchApproxNpy(ProductTable table, Path target) {
    int[] t = byBitPattern(table, Order.ACTIVATION_MAJOR);
    for (int i = 0; i < t.length; i++) {
      if (t[i] < Short.MIN_VALUE || t[i] > Short.MAX_VALUE) {
        boolean signed = table.format().signed();
        throw BadInputException.in(target, "product " + t[i] + " of activation " + operand(i / SIDE, signed)
            + " and weight " + operand(i % SIDE, signed) + " does not fit int16, which TorchApprox tables must");
      }
    }
    long[] values = Arrays.stream(t).asLongStream().toArray();
    return Npy.ofLongs(Npy.DType.I2, new long[] {SIDE, SIDE}, values).toBytes();
  }

  /** Whether both orders give the same table, i.e. AdaPT's conv2d and linear kernels may share one header. */
  public static boolean orderFree(ProductTable table) {
    return Arrays.equals(byBitPattern(table, Order.ACTIVATION_MAJOR), byBitPattern(table, Order.WEIGHT_MAJOR));
  }

  /** Whether every product fits a signed 16-bit integer. */
  static boolean fitsInt16(int[] values) {
    return Arrays.stream(values).allMatch(v -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE);
  }
}
