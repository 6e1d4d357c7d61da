package org.axdse.multipliers.netlist;

import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;

/**
 * Evaluates a netlist on 64 operand pairs at once: each net holds a {@code long} whose bit {@code l} is the net's
 * value for pair {@code l}. Used to build product tables and, by the cost model, to count toggles.
 */
public final class BitParallelSimulator {
  private final Netlist netlist;
  private final int[] types;
  private final int[][] ins;
  private final int[][] outs;

  public BitParallelSimulator(Netlist netlist) {
    this.netlist = netlist;
    List<Cell> cells = netlist.cells();
    types = new int[cells.size()];
    ins = new int[cells.size()][];
    outs = new int[cells.size()][];
    for (int k = 0; k < cells.size(); k++) {
      Cell c = cells.get(k);
      types[k] = c.type().ordinal();
      ins[k] = c.inputs();
      outs[k] = c.outputs();
    }
  }

  public Netlist netlist() {
    return netlist;
  }

  /** A fresh array of net values, one word per net. */
  public long[] newNetValues() {
    return new long[netlist.netCount()];
  }

  /**
   * Evaluates all nets. {@code aBits[i]} and {@code wBits[i]} hold operand bit {@code i} of the 64 pairs; the value
   * of every net is written to {@code nets}.
   */
  public void evaluate(long[] aBits, long[] wBits, long[] nets) {
    for (int i = 0; i < aBits.length; i++) {
      nets[netlist.aNet(i)] = aBits[i];
    }
    for (int i = 0; i < wBits.length; i++) {
      nets[netlist.wNet(i)] = wBits[i];
    }
    for (int k = 0; k < types.length; k++) {
      int[] in = ins[k];
      int[] out = outs[k];
      switch (types[k]) {
        case 0 -> nets[out[0]] = 0L; // CONST0
        case 1 -> nets[out[0]] = -1L; // CONST1
        case 2 -> nets[out[0]] = nets[in[0]]; // BUF
        case 3 -> nets[out[0]] = ~nets[in[0]]; // NOT
        case 4 -> nets[out[0]] = nets[in[0]] & nets[in[1]]; // AND
        case 5 -> nets[out[0]] = nets[in[0]] | nets[in[1]]; // OR
        case 6 -> nets[out[0]] = nets[in[0]] ^ nets[in[1]]; // XOR
        case 7 -> nets[out[0]] = ~(nets[in[0]] & nets[in[1]]); // NAND
        case 8 -> nets[out[0]] = ~(nets[in[0]] | nets[in[1]]); // NOR
        case 9 -> nets[out[0]] = ~(nets[in[0]] ^ nets[in[1]]); // XNOR
        case 10 -> { // MUX2 (s, d0, d1)
          long s = nets[in[0]];
          nets[out[0]] = (s & nets[in[2]]) | (~s & nets[in[1]]);
        }
        case 11 -> { // HA
          long x = nets[in[0]];
          long y = nets[in[1]];
          nets[out[0]] = x ^ y;
          nets[out[1]] = x & y;
        }
        case 12 -> { // FA
          long x = nets[in[0]];
          long y = nets[in[1]];
          long z = nets[in[2]];
          nets[out[0]] = x ^ y ^ z;
          nets[out[1]] = (x & y) | (z & (x ^ y));
        }
        default -> throw new IllegalStateException("unknown cell type " + types[k]);
      }
    }
  }

  /** The product table of the netlist over all operand pairs, 64 pairs per evaluation. */
  public ProductTable productTable() {
    MultiplierFormat f = netlist.format();
    int n = f.weightBits();
    int size = f.tableSize();
    int pbits = netlist.productBits();
    long[] aBits = new long[f.activationBits()];
    long[] wBits = new long[n];
    long[] nets = newNetValues();
    int[] products = new int[size];
    for (int base = 0; base < size; base += 64) {
      int lanes = Math.min(64, size - base);
      java.util.Arrays.fill(aBits, 0L);
      java.util.Arrays.fill(wBits, 0L);
      for (int l = 0; l < lanes; l++) {
        int idx = base + l;
        int a = idx >>> n;
        int w = idx & ((1 << n) - 1);
        for (int i = 0; i < aBits.length; i++) {
          aBits[i] |= (long) ((a >>> i) & 1) << l;
        }
        for (int i = 0; i < n; i++) {
          wBits[i] |= (long) ((w >>> i) & 1) << l;
        }
      }
      evaluate(aBits, wBits, nets);
      for (int b = 0; b < pbits; b++) {
        long word = nets[netlist.productNet(b)];
        for (int l = 0; l < lanes; l++) {
          products[base + l] |= (int) ((word >>> l) & 1L) << b;
        }
      }
    }
    if (f.isFloat()) {
      return org.axdse.multipliers.table.FloatProductWords.table(f, pbits, products);
    }
    if (f.signed() && pbits < 32) {
      int shift = 32 - pbits;
      for (int i = 0; i < size; i++) {
        products[i] = (products[i] << shift) >> shift;
      }
    }
    return ProductTable.of(f, products);
  }
}
