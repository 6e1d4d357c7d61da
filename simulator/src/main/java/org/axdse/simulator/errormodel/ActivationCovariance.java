package org.axdse.simulator.errormodel;

/**
 * How the activations of different weight positions of one layer move together: for each group, the covariance
 * matrix of the feature vector {@code x = (n_0 .. n_{K-1}, a_0 .. a_{K-1})} of one accumulator's operands, where
 * {@code a_k} is the activation value at position {@code k} and {@code n_k = 1[code_k != zero point]} says whether
 * it is non-zero (padding taps read the zero point). Row-major {@code 2K x 2K} per group, estimated from sampled
 * accumulators ({@link CovarianceSampler}). {@link LayerErrorModel} projects each product's error on these two
 * features to add the covariance between positions that the independence assumption leaves out.
 */
public record ActivationCovariance(int groups, int reduction, long samples, double[][] matrices) {
  public ActivationCovariance {
    if (groups < 1 || reduction < 1 || samples < 2 || matrices.length != groups) {
      throw new IllegalArgumentException(groups + " groups, " + reduction + " positions, " + samples
          + " samples, " + matrices.length + " matrices");
    }
    double[][] copy = new double[groups][];
    for (int g = 0; g < groups; g++) {
      if (matrices[g].length != 4L * reduction * reduction) {
        throw new IllegalArgumentException("group " + g + ": " + matrices[g].length + " entries for "
            + reduction + " positions");
      }
      copy[g] = matrices[g].clone();
    }
    matrices = copy;
  }

  /** Covariance of features {@code i} and {@code j} (0..2K-1) in group {@code g}. */
  public double at(int g, int i, int j) {
    return matrices[g][i * 2 * reduction + j];
  }

  /** The matrix of group {@code g}, shared (read only). */
  double[] matrix(int g) {
    return matrices[g];
  }

  @Override
  public double[][] matrices() {
    double[][] out = new double[groups][];
    for (int g = 0; g < groups; g++) {
      out[g] = matrices[g].clone();
    }
    return out;
  }
}
