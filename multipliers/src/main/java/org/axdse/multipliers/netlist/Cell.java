package org.axdse.multipliers.netlist;

import java.util.Arrays;

/**
 * One instance of a {@link CellType}: the nets it reads and the nets it drives, by net number. Immutable.
 */
public final class Cell {
  private final CellType type;
  private final int[] inputs;
  private final int[] outputs;

  public Cell(CellType type, int[] inputs, int[] outputs) {
    if (inputs.length != type.inputCount() || outputs.length != type.outputCount()) {
      throw new IllegalArgumentException(type + " takes " + type.inputCount() + " inputs and drives "
          + type.outputCount() + " nets, got " + inputs.length + " and " + outputs.length);
    }
    this.type = type;
    this.inputs = inputs.clone();
    this.outputs = outputs.clone();
  }

  public CellType type() {
    return type;
  }

  public int inputCount() {
    return inputs.length;
  }

  public int input(int i) {
    return inputs[i];
  }

  public int outputCount() {
    return outputs.length;
  }

  public int output(int i) {
    return outputs[i];
  }

  public int[] inputs() {
    return inputs.clone();
  }

  public int[] outputs() {
    return outputs.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cell c && c.type == type && Arrays.equals(c.inputs, inputs)
        && Arrays.equals(c.outputs, outputs);
  }

  @Override
  public int hashCode() {
    return (type.hashCode() * 31 + Arrays.hashCode(inputs)) * 31 + Arrays.hashCode(outputs);
  }

  @Override
  public String toString() {
    return type + Arrays.toString(inputs) + "->" + Arrays.toString(outputs);
  }
}
