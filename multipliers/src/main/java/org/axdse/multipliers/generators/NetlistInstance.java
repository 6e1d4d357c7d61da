package org.axdse.multipliers.generators;

import java.util.Arrays;
import org.axdse.multipliers.netlist.Cell;
import org.axdse.multipliers.netlist.Netlist;

/**
 * Copies a finished netlist into a circuit under construction, cell by cell, through {@link Logic}: operand bits
 * tied to a constant fold away with every gate they make constant, as a synthesis tool would remove them, so the
 * cost model counts only the cells of the instance that can still switch. Buffers become wires.
 */
final class NetlistInstance {
  private NetlistInstance() {}

  /** The product nets (LSB first) of {@code n} driven by operand nets {@code a} and {@code w} of {@code g}. */
  static int[] place(Logic g, Netlist n, int[] a, int[] w) {
    if (a.length != n.format().activationBits() || w.length != n.format().weightBits()) {
      throw new IllegalArgumentException("operands " + a.length + "x" + w.length + " do not fit " + n);
    }
    int[] net = new int[n.netCount()];
    Arrays.fill(net, Integer.MIN_VALUE);
    for (int i = 0; i < a.length; i++) {
      net[n.aNet(i)] = a[i];
    }
    for (int i = 0; i < w.length; i++) {
      net[n.wNet(i)] = w[i];
    }
    for (Cell c : n.cells()) {
      int[] in = new int[c.inputCount()];
      for (int i = 0; i < in.length; i++) {
        in[i] = net[c.input(i)];
      }
      int[] out = switch (c.type()) {
        case CONST0 -> new int[] {Logic.ZERO};
        case CONST1 -> new int[] {Logic.ONE};
        case BUF -> new int[] {in[0]};
        case NOT -> new int[] {g.not(in[0])};
        case AND -> new int[] {g.and(in[0], in[1])};
        case OR -> new int[] {g.or(in[0], in[1])};
        case XOR -> new int[] {g.xor(in[0], in[1])};
        case NAND -> new int[] {g.nand(in[0], in[1])};
        case NOR -> new int[] {g.nor(in[0], in[1])};
        case XNOR -> new int[] {g.xnor(in[0], in[1])};
        case MUX2 -> new int[] {g.mux(in[0], in[1], in[2])};
        case HA -> g.halfAdder(in[0], in[1]);
        case FA -> g.fullAdder(in[0], in[1], in[2]);
      };
      for (int i = 0; i < out.length; i++) {
        net[c.output(i)] = out[i];
      }
    }
    int[] product = new int[n.productBits()];
    for (int i = 0; i < product.length; i++) {
      product[i] = net[n.productNet(i)];
    }
    return product;
  }
}
