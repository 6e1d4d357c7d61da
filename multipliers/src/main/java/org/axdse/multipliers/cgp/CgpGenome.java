package org.axdse.multipliers.cgp;

import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.netlist.Cell;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.netlist.NetlistBuilder;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * A CGP genome: one row of {@code nodes} cells with unlimited levels-back. Address {@code 0..I-1} is operand bit
 * {@code i} (activation bits LSB first, then weight bits); node {@code k} drives addresses {@code I + 2k} (its
 * first output) and {@code I + 2k + 1} (its second output: the carry of a half or full adder; for a one-output
 * cell the same net as the first). Each node has a function gene (a {@link CellType}) and three connection genes,
 * of which the cell reads its first {@code inputCount()}; a connection of node {@code k} points below
 * {@code I + 2k}. Output genes give the product bits, LSB first. Immutable: mutation returns a copy.
 */
public final class CgpGenome {
  static final int ARITY = 3;
  private static final CellType[] TYPES = CellType.values();

  private final MultiplierFormat format;
  private final int[] functions;
  private final int[] connections;
  private final int[] outputs;

  CgpGenome(MultiplierFormat format, int[] functions, int[] connections, int[] outputs) {
    if (connections.length != ARITY * functions.length) {
      throw new IllegalArgumentException("need " + ARITY + " connection genes per node");
    }
    int inputs = format.activationBits() + format.weightBits();
    for (int k = 0; k < functions.length; k++) {
      if (functions[k] < 0 || functions[k] >= TYPES.length) {
        throw new IllegalArgumentException("node " + k + ": no cell type " + functions[k]);
      }
      for (int j = 0; j < ARITY; j++) {
        int c = connections[ARITY * k + j];
        if (c < 0 || c >= inputs + 2 * k) {
          throw new IllegalArgumentException("node " + k + " input " + j + ": address " + c + " not below "
              + (inputs + 2 * k));
        }
      }
    }
    for (int o : outputs) {
      if (o < 0 || o >= inputs + 2 * functions.length) {
        throw new IllegalArgumentException("output address " + o + " out of range");
      }
    }
    if (outputs.length == 0 || outputs.length > 32) {
      throw new IllegalArgumentException("product must have 1 to 32 bits, got " + outputs.length);
    }
    this.format = format;
    this.functions = functions.clone();
    this.connections = connections.clone();
    this.outputs = outputs.clone();
  }

  /** The genome of {@code seed}'s live cells in order, followed by {@code spare} inactive constant nodes. */
  public static CgpGenome of(Netlist seed, int spare) {
    if (spare < 0) {
      throw new IllegalArgumentException("spare nodes must be >= 0, got " + spare);
    }
    Netlist live = seed.pruned();
    MultiplierFormat f = live.format();
    int inputs = f.activationBits() + f.weightBits();
    int[] address = new int[live.netCount()];
    Arrays.fill(address, -1);
    for (int i = 0; i < f.activationBits(); i++) {
      address[live.aNet(i)] = i;
    }
    for (int i = 0; i < f.weightBits(); i++) {
      address[live.wNet(i)] = f.activationBits() + i;
    }
    List<Cell> cells = live.cells();
    int nodes = cells.size() + spare;
    int[] fn = new int[nodes];
    int[] con = new int[ARITY * nodes];
    for (int k = 0; k < cells.size(); k++) {
      Cell c = cells.get(k);
      fn[k] = c.type().ordinal();
      for (int j = 0; j < c.inputCount(); j++) {
        con[ARITY * k + j] = address[c.input(j)];
      }
      for (int o = 0; o < c.outputCount(); o++) {
        address[c.output(o)] = inputs + 2 * k + o;
      }
    }
    for (int k = cells.size(); k < nodes; k++) {
      fn[k] = CellType.CONST0.ordinal();
    }
    int[] out = new int[live.productBits()];
    for (int b = 0; b < out.length; b++) {
      out[b] = address[live.productNet(b)];
    }
    return new CgpGenome(f, fn, con, out);
  }

  public MultiplierFormat format() {
    return format;
  }

  /** Operand bits, the addresses below the first node's. */
  public int inputs() {
    return format.activationBits() + format.weightBits();
  }

  public int nodes() {
    return functions.length;
  }

  public int productBits() {
    return outputs.length;
  }

  public CellType function(int node) {
    return TYPES[functions[node]];
  }

  /** Address read by input {@code j} of {@code node}. */
  public int connection(int node, int j) {
    return connections[ARITY * node + j];
  }

  /** Address of product bit {@code b}. */
  public int output(int b) {
    return outputs[b];
  }

  /** The node driving {@code address}, or -1 for an operand bit. */
  int nodeOf(int address) {
    return address < inputs() ? -1 : (address - inputs()) / 2;
  }

  /** Which nodes some product bit depends on. */
  public boolean[] activeNodes() {
    boolean[] active = new boolean[nodes()];
    for (int o : outputs) {
      mark(active, o);
    }
    for (int k = nodes() - 1; k >= 0; k--) {
      if (active[k]) {
        for (int j = 0; j < function(k).inputCount(); j++) {
          mark(active, connection(k, j));
        }
      }
    }
    return active;
  }

  private void mark(boolean[] active, int address) {
    int k = nodeOf(address);
    if (k >= 0) {
      active[k] = true;
    }
  }

  /** The netlist of the active nodes, in node order. */
  public Netlist decode(String name) {
    NetlistBuilder b = new NetlistBuilder(format);
    int inputs = inputs();
    int[] net = new int[inputs + 2 * nodes()];
    for (int i = 0; i < format.activationBits(); i++) {
      net[i] = b.a(i);
    }
    for (int i = 0; i < format.weightBits(); i++) {
      net[format.activationBits() + i] = b.w(i);
    }
    boolean[] active = activeNodes();
    for (int k = 0; k < nodes(); k++) {
      if (!active[k]) {
        continue;
      }
      CellType t = function(k);
      int[] in = new int[t.inputCount()];
      for (int j = 0; j < in.length; j++) {
        in[j] = net[connection(k, j)];
      }
      int[] out = b.cell(t, in);
      net[inputs + 2 * k] = out[0];
      net[inputs + 2 * k + 1] = out[out.length - 1];
    }
    int[] product = new int[outputs.length];
    for (int i = 0; i < product.length; i++) {
      product[i] = net[outputs[i]];
    }
    return b.build(name, product);
  }

  int[] functionGenes() {
    return functions.clone();
  }

  int[] connectionGenes() {
    return connections.clone();
  }

  int[] outputGenes() {
    return outputs.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CgpGenome g && g.format.equals(format) && Arrays.equals(g.functions, functions)
        && Arrays.equals(g.connections, connections) && Arrays.equals(g.outputs, outputs);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(functions) * 31 + Arrays.hashCode(connections)) * 31 + Arrays.hashCode(outputs);
  }

  @Override
  public String toString() {
    return "CgpGenome[" + format + ", " + nodes() + " nodes]";
  }
}
