package org.axdse.multipliers.netlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * A combinational gate-level multiplier: operand nets {@code a} (activation, LSB first) and {@code w} (weight,
 * LSB first), product nets (LSB first), and cells in topological order. Nets are numbered {@code 0..netCount-1};
 * every net is driven exactly once, by an operand bit or by one cell output. The product is read as unsigned or as
 * two's complement according to the format. Immutable; build one with {@link NetlistBuilder}.
 */
public final class Netlist {
  private final String name;
  private final MultiplierFormat format;
  private final int[] aNets;
  private final int[] wNets;
  private final int[] productNets;
  private final List<Cell> cells;
  private final int netCount;

  Netlist(String name, MultiplierFormat format, int[] aNets, int[] wNets, int[] productNets, List<Cell> cells,
      int netCount) {
    if (aNets.length != format.activationBits() || wNets.length != format.weightBits()) {
      throw new IllegalArgumentException("operand widths " + aNets.length + "x" + wNets.length
          + " do not match format " + format.label());
    }
    if (productNets.length == 0 || productNets.length > 32) {
      throw new IllegalArgumentException("product must have 1 to 32 bits, got " + productNets.length);
    }
    this.name = name;
    this.format = format;
    this.aNets = aNets.clone();
    this.wNets = wNets.clone();
    this.productNets = productNets.clone();
    this.cells = List.copyOf(cells);
    this.netCount = netCount;
    checkDrivenOnceAndOrdered();
  }

  private void checkDrivenOnceAndOrdered() {
    boolean[] driven = new boolean[netCount];
    for (int n : aNets) {
      markDriven(driven, n);
    }
    for (int n : wNets) {
      markDriven(driven, n);
    }
    for (Cell c : cells) {
      for (int i = 0; i < c.inputCount(); i++) {
        int n = c.input(i);
        if (n < 0 || n >= netCount || !driven[n]) {
          throw new IllegalArgumentException("cell " + c + " reads net " + n + " before it is driven");
        }
      }
      for (int i = 0; i < c.outputCount(); i++) {
        markDriven(driven, c.output(i));
      }
    }
    for (int n : productNets) {
      if (n < 0 || n >= netCount || !driven[n]) {
        throw new IllegalArgumentException("product net " + n + " is not driven");
      }
    }
  }

  private void markDriven(boolean[] driven, int net) {
    if (net < 0 || net >= netCount) {
      throw new IllegalArgumentException("net " + net + " out of range 0.." + (netCount - 1));
    }
    if (driven[net]) {
      throw new IllegalArgumentException("net " + net + " is driven twice");
    }
    driven[net] = true;
  }

  public String name() {
    return name;
  }

  public MultiplierFormat format() {
    return format;
  }

  /** Net of activation bit {@code i} (0 = LSB). */
  public int aNet(int i) {
    return aNets[i];
  }

  /** Net of weight bit {@code i} (0 = LSB). */
  public int wNet(int i) {
    return wNets[i];
  }

  public int productBits() {
    return productNets.length;
  }

  /** Net of product bit {@code i} (0 = LSB). */
  public int productNet(int i) {
    return productNets[i];
  }

  public List<Cell> cells() {
    return cells;
  }

  public int netCount() {
    return netCount;
  }

  /** The same circuit under another name. */
  public Netlist withName(String newName) {
    return new Netlist(newName, format, aNets, wNets, productNets, cells, netCount);
  }

  /** A copy without cells whose outputs reach no product bit. */
  public Netlist pruned() {
    boolean[] live = new boolean[netCount];
    for (int n : productNets) {
      live[n] = true;
    }
    List<Cell> kept = new ArrayList<>();
    for (int k = cells.size() - 1; k >= 0; k--) {
      Cell c = cells.get(k);
      boolean used = false;
      for (int i = 0; i < c.outputCount(); i++) {
        used |= live[c.output(i)];
      }
      if (used) {
        kept.add(c);
        for (int i = 0; i < c.inputCount(); i++) {
          live[c.input(i)] = true;
        }
      }
    }
    java.util.Collections.reverse(kept);
    return new Netlist(name, format, aNets, wNets, productNets, kept, netCount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Netlist n && n.name.equals(name) && n.format.equals(format) && n.netCount == netCount
        && Arrays.equals(n.aNets, aNets) && Arrays.equals(n.wNets, wNets)
        && Arrays.equals(n.productNets, productNets) && n.cells.equals(cells);
  }

  @Override
  public int hashCode() {
    return ((name.hashCode() * 31 + cells.hashCode()) * 31 + Arrays.hashCode(productNets)) * 31 + netCount;
  }

  @Override
  public String toString() {
    return "Netlist[" + name + ", " + format + ", " + cells.size() + " cells, " + netCount + " nets]";
  }
}
