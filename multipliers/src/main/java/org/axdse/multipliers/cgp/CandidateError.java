package org.axdse.multipliers.cgp;

/**
 * How an evolution scores a candidate's error: the operand pairs whose products it needs ({@link #stimulus()}) and
 * the normalised error of those products. {@link #of(SupportStimulus, ErrorMeasure)} gives the weighted error
 * measures over a distribution's support; {@link CompensatedLoss} the error model's predicted loss of a layer.
 * Implementations are immutable and thread-safe.
 */
public interface CandidateError {
  /** The operand pairs whose products {@link #score} takes, in their order. */
  SupportStimulus stimulus();

  /** The error of a circuit whose product of stimulus pair {@code i} is {@code products[i]}; finite, >= 0. */
  double score(int[] products);

  /** The label of the measure, as in design and file names. */
  String label();

  /** {@code measure} (not {@link ErrorMeasure#LOSS}) of the weighted error over {@code support}. */
  static CandidateError of(SupportStimulus support, ErrorMeasure measure) {
    if (measure == ErrorMeasure.LOSS) {
      throw new IllegalArgumentException("the loss measure needs the layer's error model (CompensatedLoss)");
    }
    return new CandidateError() {
      @Override
      public SupportStimulus stimulus() {
        return support;
      }

      @Override
      public double score(int[] products) {
        return measure.of(support.weigh(products));
      }

      @Override
      public String label() {
        return measure.label();
      }
    };
  }
}
