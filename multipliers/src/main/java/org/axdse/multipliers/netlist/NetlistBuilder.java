package org.axdse.multipliers.netlist;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Builds a {@link Netlist} cell by cell. Operand nets are created first; each gate method adds one cell and
 * returns the net(s) it drives, so cells are added in topological order by construction.
 */
public final class NetlistBuilder {
  private final MultiplierFormat format;
  private final int[] aNets;
  private final int[] wNets;
  private final List<Cell> cells = new ArrayList<>();
  private int nextNet;
  private int const0 = -1;
  private int const1 = -1;

  public NetlistBuilder(MultiplierFormat format) {
    this.format = format;
    aNets = new int[format.activationBits()];
    wNets = new int[format.weightBits()];
    for (int i = 0; i < aNets.length; i++) {
      aNets[i] = nextNet++;
    }
    for (int i = 0; i < wNets.length; i++) {
      wNets[i] = nextNet++;
    }
  }

  public MultiplierFormat format() {
    return format;
  }

  /** Net of activation bit {@code i} (0 = LSB). */
  public int a(int i) {
    return aNets[i];
  }

  /** Net of weight bit {@code i} (0 = LSB). */
  public int w(int i) {
    return wNets[i];
  }

  /** Adds a cell of {@code type} reading {@code inputs}; returns the nets it drives. */
  public int[] cell(CellType type, int... inputs) {
    int[] outs = new int[type.outputCount()];
    for (int i = 0; i < outs.length; i++) {
      outs[i] = nextNet++;
    }
    cells.add(new Cell(type, inputs, outs));
    return outs;
  }

  private int gate(CellType type, int... inputs) {
    return cell(type, inputs)[0];
  }

  /** The shared constant-0 net. */
  public int zero() {
    if (const0 < 0) {
      const0 = gate(CellType.CONST0);
    }
    return const0;
  }

  /** The shared constant-1 net. */
  public int one() {
    if (const1 < 0) {
      const1 = gate(CellType.CONST1);
    }
    return const1;
  }

  public int buf(int x) {
    return gate(CellType.BUF, x);
  }

  public int not(int x) {
    return gate(CellType.NOT, x);
  }

  public int and(int x, int y) {
    return gate(CellType.AND, x, y);
  }

  public int or(int x, int y) {
    return gate(CellType.OR, x, y);
  }

  public int xor(int x, int y) {
    return gate(CellType.XOR, x, y);
  }

  public int nand(int x, int y) {
    return gate(CellType.NAND, x, y);
  }

  public int nor(int x, int y) {
    return gate(CellType.NOR, x, y);
  }

  public int xnor(int x, int y) {
    return gate(CellType.XNOR, x, y);
  }

  /** {@code s ? d1 : d0}. */
  public int mux(int s, int d0, int d1) {
    return gate(CellType.MUX2, s, d0, d1);
  }

  /** Half adder; returns {@code {sum, carry}}. */
  public int[] halfAdder(int x, int y) {
    return cell(CellType.HA, x, y);
  }

  /** Full adder; returns {@code {sum, carry}}. */
  public int[] fullAdder(int x, int y, int cin) {
    return cell(CellType.FA, x, y, cin);
  }

  /** Finishes the netlist with product bits {@code productNets} (LSB first). */
  public Netlist build(String name, int... productNets) {
    return new Netlist(name, format, aNets, wNets, productNets, cells, nextNet);
  }
}
