package org.axdse.multipliers.generators;

import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.netlist.NetlistBuilder;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Gate layer over {@link NetlistBuilder} that folds constants: the nets {@link #ZERO} and {@link #ONE} are virtual
 * until a product bit needs them, and a gate with a constant or repeated input becomes the simpler gate (or no
 * gate) it reduces to. Generators can then drop or fix partial-product bits freely and still get the circuit a
 * synthesis tool would keep, which is what the cost model should see.
 */
final class Logic {
  /** Virtual constant-0 net. */
  static final int ZERO = -1;
  /** Virtual constant-1 net. */
  static final int ONE = -2;

  private final NetlistBuilder builder;

  Logic(MultiplierFormat format) {
    builder = new NetlistBuilder(format);
  }

  MultiplierFormat format() {
    return builder.format();
  }

  /** The activation operand nets, LSB first. */
  int[] aBits() {
    int[] a = new int[format().activationBits()];
    for (int i = 0; i < a.length; i++) {
      a[i] = builder.a(i);
    }
    return a;
  }

  /** The weight operand nets, LSB first. */
  int[] wBits() {
    int[] w = new int[format().weightBits()];
    for (int i = 0; i < w.length; i++) {
      w[i] = builder.w(i);
    }
    return w;
  }

  static boolean isConstant(int x) {
    return x == ZERO || x == ONE;
  }

  int not(int x) {
    if (isConstant(x)) {
      return x == ZERO ? ONE : ZERO;
    }
    return builder.not(x);
  }

  int and(int x, int y) {
    if (x == ZERO || y == ZERO) {
      return ZERO;
    }
    if (x == ONE || x == y) {
      return y;
    }
    return y == ONE ? x : builder.and(x, y);
  }

  int or(int x, int y) {
    if (x == ONE || y == ONE) {
      return ONE;
    }
    if (x == ZERO || x == y) {
      return y;
    }
    return y == ZERO ? x : builder.or(x, y);
  }

  int xor(int x, int y) {
    if (x == y) {
      return ZERO;
    }
    if (isConstant(x)) {
      return x == ZERO ? y : not(y);
    }
    if (isConstant(y)) {
      return y == ZERO ? x : not(x);
    }
    return builder.xor(x, y);
  }

  int nand(int x, int y) {
    if (isConstant(x) || isConstant(y) || x == y) {
      return not(and(x, y));
    }
    return builder.nand(x, y);
  }

  int nor(int x, int y) {
    if (isConstant(x) || isConstant(y) || x == y) {
      return not(or(x, y));
    }
    return builder.nor(x, y);
  }

  int xnor(int x, int y) {
    if (isConstant(x) || isConstant(y) || x == y) {
      return not(xor(x, y));
    }
    return builder.xnor(x, y);
  }

  /** {@code s ? d1 : d0}. */
  int mux(int s, int d0, int d1) {
    if (isConstant(s)) {
      return s == ONE ? d1 : d0;
    }
    if (d0 == d1) {
      return d0;
    }
    if (d0 == ZERO) {
      return and(s, d1);
    }
    if (d1 == ONE) {
      return or(s, d0);
    }
    if (d1 == ZERO) {
      return and(not(s), d0);
    }
    if (d0 == ONE) {
      return or(not(s), d1);
    }
    return builder.mux(s, d0, d1);
  }

  /** Half adder; returns {@code {sum, carry}}. */
  int[] halfAdder(int x, int y) {
    if (x == ZERO || y == ZERO) {
      return new int[] {x == ZERO ? y : x, ZERO};
    }
    if (x == ONE || y == ONE) {
      int other = x == ONE ? y : x;
      return new int[] {not(other), other};
    }
    if (x == y) {
      return new int[] {ZERO, x};
    }
    return builder.halfAdder(x, y);
  }

  /** Exact full adder; returns {@code {sum, carry}}. */
  int[] fullAdder(int x, int y, int z) {
    if (x == ZERO || y == ZERO || z == ZERO) {
      return x == ZERO ? halfAdder(y, z) : y == ZERO ? halfAdder(x, z) : halfAdder(x, y);
    }
    if (x == ONE || y == ONE || z == ONE) {
      int p = x == ONE ? y : x;
      int q = x == ONE ? z : y == ONE ? z : y;
      return new int[] {xnor(p, q), or(p, q)};
    }
    return builder.fullAdder(x, y, z);
  }

  /** Sum of three bits without the carry: what the most significant product column needs. */
  int xor3(int x, int y, int z) {
    return xor(xor(x, y), z);
  }

  /** Finishes the netlist; cells whose outputs reach no product bit are removed. */
  Netlist build(String name, int[] productBits) {
    int[] nets = new int[productBits.length];
    for (int i = 0; i < nets.length; i++) {
      int x = productBits[i];
      nets[i] = x == ZERO ? builder.zero() : x == ONE ? builder.one() : x;
    }
    return builder.build(name, nets).pruned();
  }
}
