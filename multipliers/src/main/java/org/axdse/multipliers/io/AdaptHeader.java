package org.axdse.multipliers.io;

import java.nio.charset.StandardCharsets;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.ToolTables.Order;

/**
 * A multiplier as the C header AdaPT (Danopoulos et al., "AdaPT: Fast Emulation of Approximate DNN Accelerators in
 * PyTorch", IEEE TCAD 2023) compiles into its kernels: {@code const int16_t lut [256][256]} in
 * {@code adapt/cpu-kernels/axx_mults/NAME.h}, chosen per layer with {@code axx_mult='NAME'}. Operands are indexed
 * by their 8-bit pattern ({@link ToolTables}). Weight-major ({@code lut[weight][input]}) is what AdaPT's conv2d
 * kernel reads; its linear kernel reads {@code lut[input][weight]}, so a non-commutative design needs the
 * activation-major header for linear layers. Products that do not fit int16 (unsigned 8x8 designs) make the
 * array {@code int32_t}.
 */
public final class AdaptHeader {
  private AdaptHeader() {}

  /** The header text of {@code m} in {@code order}. */
  public static byte[] encode(Multiplier m, Order order) {
    int[] t = ToolTables.byBitPattern(m.table(), order);
    String type = ToolTables.fitsInt16(t) ? "int16_t" : "int32_t";
    boolean weightMajor = order == Order.WEIGHT_MAJOR;
    StringBuilder b = new StringBuilder(420_000);
    b.append("/* ").append(m.name()).append(" (").append(m.format()).append("), exported by axdse for AdaPT.\n")
        .append(" * lut[").append(weightMajor ? "w][a" : "a][w").append("] = product of activation a and weight w,")
        .append(" each indexed by its 8-bit pattern\n")
        .append(" * ((uint8_t) x, two's complement for signed operands): ")
        .append(weightMajor ? "weight-major, as AdaPT's conv2d kernel reads lut[weight][input].\n"
            : "activation-major, as AdaPT's linear kernel reads lut[input][weight].\n")
        .append(m.format().weightBits() < 8 ? " * Weight patterns outside the " + m.format() + " range hold 0.\n"
            : "")
        .append(" */\n")
        .append("#include <stdint.h>\n\n")
        .append("const ").append(type).append(" lut [256][256] = {\n");
    for (int row = 0; row < ToolTables.SIDE; row++) {
      b.append('{');
      for (int col = 0; col < ToolTables.SIDE; col++) {
        b.append(col == 0 ? "" : ", ").append(t[row * ToolTables.SIDE + col]);
      }
      b.append(row == ToolTables.SIDE - 1 ? "}\n" : "},\n");
    }
    return b.append("};\n").toString().getBytes(StandardCharsets.US_ASCII);
  }
}
