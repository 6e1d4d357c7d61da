package org.axdse.multipliers.cgp;

import org.axdse.multipliers.cost.CostFigures;
import org.axdse.multipliers.cost.CostModel;
import org.axdse.multipliers.cost.OperandStream;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.OperandDistribution;

/**
 * Scores decoded circuits under one layer's operand distribution: the error ({@link CandidateError}: a weighted
 * error measure over the distribution's support, {@link SupportStimulus}, or the layer's predicted loss, {@link
 * CompensatedLoss}) and the cost model's power under a fixed stream of operand pairs drawn from the same
 * distribution, so that every candidate of an evolution is compared on identical inputs. Thread-safe.
 */
public final class CandidateEvaluator {
  /** Pairs of the power stream during evolution; final figures use the cost model's full stream. */
  public static final int DEFAULT_STREAM_LENGTH = 4096;

  private final SupportStimulus support;
  private final CandidateError error;
  private final CostModel costModel;
  private final OperandStream stream;

  /** The weighted error {@code measure} over the support of {@code distribution} (not {@code LOSS}). */
  public CandidateEvaluator(OperandDistribution distribution, ErrorMeasure measure, int streamLength, long seed) {
    this(distribution, null, measure, streamLength, seed);
  }

  /** {@code error} as the error; {@code distribution} gives the power stream and the layer's support. */
  public CandidateEvaluator(OperandDistribution distribution, CandidateError error, int streamLength, long seed) {
    this(distribution, error, null, streamLength, seed);
  }

  private CandidateEvaluator(OperandDistribution distribution, CandidateError error, ErrorMeasure measure,
      int streamLength, long seed) {
    this.support = SupportStimulus.of(distribution);
    this.error = error != null ? error : CandidateError.of(support, measure);
    this.costModel = CostModel.defaults().withStreamLength(streamLength);
    this.stream = OperandStream.sample(distribution, streamLength, seed);
  }

  /** How the error is scored. */
  public CandidateError error() {
    return error;
  }

  /** The support of the layer's joint distribution (for the weighted error figures). */
  public SupportStimulus support() {
    return support;
  }

  /** The error of {@code netlist}. */
  public double errorOf(Netlist netlist) {
    return error.score(error.stimulus().products(netlist));
  }

  /** The error, power and area of {@code netlist}. */
  public Fitness evaluate(Netlist netlist) {
    return evaluate(netlist, error.stimulus().products(netlist));
  }

  /**
   * The fitness of {@code netlist} whose products over {@link CandidateError#stimulus()} are {@code products}
   * (simulated elsewhere, incrementally by a {@link ConeSimulator}).
   */
  public Fitness evaluate(Netlist netlist, int[] products) {
    double e = error.score(products);
    CostFigures cost = costModel.evaluate(netlist, stream);
    return new Fitness(e, cost.power(), cost.area());
  }
}
