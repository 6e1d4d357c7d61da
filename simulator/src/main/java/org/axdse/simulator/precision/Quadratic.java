package org.axdse.simulator.precision;

/** The quadratic form {@code d^T h d}, summed row by row in index order. */
final class Quadratic {
  private Quadratic() {}

  static double form(double[] d, double[][] h) {
    double sum = 0;
    for (int i = 0; i < d.length; i++) {
      double row = 0;
      for (int j = 0; j < d.length; j++) {
        row += h[i][j] * d[j];
      }
      sum += d[i] * row;
    }
    return sum;
  }
}
