package org.axdse.multipliers.cgp;

import org.axdse.multipliers.cost.CostFigures;
import org.axdse.multipliers.cost.CostModel;
import org.axdse.multipliers.cost.OperandStream;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.OperandDistribution;

/**
 * Scores decoded circuits under one layer's operand distribution: the weighted error over the distribution's
 * support ({@link SupportStimulus}) and the cost model's power under a fixed stream of operand pairs drawn from the
 * same distribution, so that every candidate of an evolution is compared on identical inputs. Thread-safe.
 */
public final class CandidateEvaluator {
  /** Pairs of the power stream during evolution; final figures use the cost model's full stream. */
  public static final int DEFAULT_STREAM_LENGTH = 4096;

  private final SupportStimulus support;
  private final ErrorMeasure measure;
  private final CostModel costModel;
  private final OperandStream stream;

  public CandidateEvaluator(OperandDistribution distribution, ErrorMeasure measure, int streamLength, long seed) {
    this.support = SupportStimulus.of(distribution);
    this.measure = measure;
    this.costModel = CostModel.defaults().withStreamLength(streamLength);
    this.stream = OperandStream.sample(distribution, streamLength, seed);
  }

  public ErrorMeasure measure() {
    return measure;
  }

  public SupportStimulus support() {
    return support;
  }

  /** The error, power and area of {@code netlist}. */
  public Fitness evaluate(Netlist netlist) {
    double error = measure.of(support.error(netlist));
    CostFigures cost = costModel.evaluate(netlist, stream);
    return new Fitness(error, cost.power(), cost.area());
  }
}
