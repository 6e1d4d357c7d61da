package org.axdse.multipliers.netlist;

/**
 * The cells a netlist is built from. Inputs and outputs are ordered as documented on each constant; a half adder
 * and a full adder drive two nets, {@code sum} then {@code carry}.
 */
public enum CellType {
  /** Constant 0; no inputs. */
  CONST0(0, 1),
  /** Constant 1; no inputs. */
  CONST1(0, 1),
  /** Buffer: {@code y = a}. */
  BUF(1, 1),
  /** Inverter: {@code y = !a}. */
  NOT(1, 1),
  AND(2, 1),
  OR(2, 1),
  XOR(2, 1),
  NAND(2, 1),
  NOR(2, 1),
  XNOR(2, 1),
  /** Two-way multiplexer, inputs {@code (s, d0, d1)}: {@code y = s ? d1 : d0}. */
  MUX2(3, 1),
  /** Half adder, inputs {@code (a, b)}, outputs {@code (sum, carry)}. */
  HA(2, 2),
  /** Full adder, inputs {@code (a, b, cin)}, outputs {@code (sum, carry)}. */
  FA(3, 2);

  private final int inputs;
  private final int outputs;

  CellType(int inputs, int outputs) {
    this.inputs = inputs;
    this.outputs = outputs;
  }

  public int inputCount() {
    return inputs;
  }

  public int outputCount() {
    return outputs;
  }
}
