package org.axdse.multipliers.cost;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.netlist.Cell;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;

/**
 * Estimates a netlist's area, delay and power from a {@link CellTable}. Cells that reach no product bit are
 * removed first, as synthesis would. Area is the sum of cell areas; delay is the longest operand-to-product path
 * (each cell adds its delay to its latest input); dynamic power is the switching-weighted number of output
 * toggles per operation over a stream of operand pairs drawn from an {@link OperandDistribution}, and leakage is
 * {@code leakagePerArea * area}. The stream is reproducible from its seed (default {@value #DEFAULT_SEED},
 * {@value #DEFAULT_STREAM_LENGTH} pairs). The model, its sources and its limits are described in
 * {@code multipliers/COST_MODEL.md}. Immutable and thread-safe.
 */
public final class CostModel {
  public static final long DEFAULT_SEED = 1L;
  public static final int DEFAULT_STREAM_LENGTH = 65_536;
  private static final CostModel DEFAULTS = new CostModel(CellTable.nangate45(), DEFAULT_STREAM_LENGTH);

  private final CellTable cells;
  private final int streamLength;
  private final Map<MultiplierFormat, OperandStream> defaultStreams =
      new ConcurrentHashMap<>();

  private CostModel(CellTable cells, int streamLength) {
    this.cells = Objects.requireNonNull(cells, "cells");
    if (streamLength < 64 || streamLength % 64 != 0) {
      throw new IllegalArgumentException("stream length must be a positive multiple of 64, got " + streamLength);
    }
    this.streamLength = streamLength;
  }

  /** The default model: {@link CellTable#nangate45()}, {@value #DEFAULT_STREAM_LENGTH} pairs per stream. */
  public static CostModel defaults() {
    return DEFAULTS;
  }

  /** A model charging the figures of {@code cells}. */
  public static CostModel of(CellTable cells) {
    return new CostModel(cells, DEFAULT_STREAM_LENGTH);
  }

  /** The same model with streams of {@code length} pairs (a positive multiple of 64). */
  public CostModel withStreamLength(int length) {
    return new CostModel(cells, length);
  }

  public CellTable cellTable() {
    return cells;
  }

  public int streamLength() {
    return streamLength;
  }

  /** Cost under uniformly random operands, seed {@value #DEFAULT_SEED}. */
  public CostFigures evaluate(Netlist netlist) {
    return evaluate(netlist, defaultStream(netlist.format()));
  }

  /** The stream {@link #evaluate(Netlist)} applies: uniform operands, seed {@value #DEFAULT_SEED}, cached. */
  public OperandStream defaultStream(MultiplierFormat format) {
    return defaultStreams.computeIfAbsent(format,
        f -> OperandStream.sample(OperandDistribution.uniform(f), streamLength, DEFAULT_SEED));
  }

  /** Cost under operands drawn from {@code distribution} with {@code seed}. */
  public CostFigures evaluate(Netlist netlist, OperandDistribution distribution, long seed) {
    return evaluate(netlist, OperandStream.sample(distribution, streamLength, seed));
  }

  /** Cost under the given stimulus; apply one stream to several netlists to compare them on equal inputs. */
  public CostFigures evaluate(Netlist netlist, OperandStream stream) {
    Netlist live = netlist.pruned();
    double area = area(live);
    return CostFigures.estimate(area, delay(live), dynamicPower(live, stream), cells.leakagePerArea() * area);
  }

  /** Sum of the areas of the cells of {@code netlist}, in NAND2 equivalents (dead cells included). */
  public double area(Netlist netlist) {
    double area = 0;
    for (Cell c : netlist.cells()) {
      area += cells.figures(c.type()).area();
    }
    return area;
  }

  /** Longest path from an operand bit to a product bit, in cell-delay units; operands arrive at time 0. */
  public double delay(Netlist netlist) {
    double[] arrival = new double[netlist.netCount()];
    for (Cell c : netlist.cells()) {
      double latest = 0;
      for (int i = 0; i < c.inputCount(); i++) {
        latest = Math.max(latest, arrival[c.input(i)]);
      }
      CellFigures f = cells.figures(c.type());
      for (int o = 0; o < c.outputCount(); o++) {
        arrival[c.output(o)] = latest + f.delayTo(o);
      }
    }
    double critical = 0;
    for (int b = 0; b < netlist.productBits(); b++) {
      critical = Math.max(critical, arrival[netlist.productNet(b)]);
    }
    return critical;
  }

  /**
   * Switching-weighted toggles per operation: {@code sum over cell outputs of toggles * switching(cell) / (L-1)}
   * for a stream of {@code L} pairs. Operand nets are driven from outside and are not charged.
   */
  public double dynamicPower(Netlist netlist, OperandStream stream) {
    long[] toggles = ToggleCounter.perNet(netlist, stream);
    double energy = 0;
    for (Cell c : netlist.cells()) {
      double weight = cells.figures(c.type()).switching();
      for (int o = 0; o < c.outputCount(); o++) {
        energy += weight * toggles[c.output(o)];
      }
    }
    return energy / (stream.length() - 1);
  }

  @Override
  public String toString() {
    return "CostModel[" + cells.name() + ", " + streamLength + " pairs]";
  }
}
