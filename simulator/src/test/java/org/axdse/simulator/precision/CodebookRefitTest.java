package org.axdse.simulator.precision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codebook refit against the closed-form least-squares solution built and solved independently. */
class CodebookRefitTest {
  private static double objective(float[][] rows, int[][] ids, double[][] h, double lambda, double[] c) {
    double sum = 0;
    for (int r = 0; r < rows.length; r++) {
      int k = ids[r].length;
      double[] d = new double[k];
      for (int i = 0; i < k; i++) {
        d[i] = rows[r][i] - c[ids[r][i]];
      }
      for (int i = 0; i < k; i++) {
        sum += lambda * d[i] * d[i];
        for (int j = 0; j < k; j++) {
          sum += d[i] * h[i][j] * d[j];
        }
      }
    }
    return sum;
  }

  @Test
  void twoCentroidsEqualTheClosedFormAndAreAMinimum() {
    Random rnd = new Random(5);
    int k = 6;
    double[][] a = new double[k][k];
    for (double[] row : a) {
      for (int j = 0; j < k; j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    double[][] h = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        for (int t = 0; t < k; t++) {
          h[i][j] += a[i][t] * a[j][t];
        }
      }
    }
    float[][] rows = {{0.3f, -0.2f, 0.25f, -0.1f, 0.4f, -0.3f}, {0.1f, 0.2f, -0.4f, 0.05f, -0.2f, 0.3f}};
    int[][] ids = {{0, 1, 0, 1, 0, 1}, {1, 0, 1, 1, 0, 0}};
    double lambda = 0.01;
    CodebookRefit.NormalEquations eq = new CodebookRefit.NormalEquations(2);
    for (int r = 0; r < 2; r++) {
      eq.add(rows[r], 0, ids[r], h, lambda);
    }
    double[] c = eq.solve(new double[] {0, 0});
    // Closed form: the objective is c^T M c - 2 b^T c + const with M = sum A^T (H + lambda I) A, b = sum A^T (H +
    // lambda I) w; A is the k x 2 0/1 matrix of the assignment. Built from A explicitly, solved by Cramer's rule.
    double[][] m = new double[2][2];
    double[] b = new double[2];
    for (int r = 0; r < 2; r++) {
      double[][] assign = new double[k][2];
      for (int i = 0; i < k; i++) {
        assign[i][ids[r][i]] = 1;
      }
      for (int p = 0; p < 2; p++) {
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            double hij = h[i][j] + (i == j ? lambda : 0);
            b[p] += assign[i][p] * hij * rows[r][j];
            for (int q = 0; q < 2; q++) {
              m[p][q] += assign[i][p] * hij * assign[j][q];
            }
          }
        }
      }
    }
    double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    double[] expected = {(b[0] * m[1][1] - m[0][1] * b[1]) / det, (m[0][0] * b[1] - b[0] * m[1][0]) / det};
    assertArrayEquals(expected, c, 1e-9);
    double at = objective(rows, ids, h, lambda, c);
    for (int p = 0; p < 2; p++) {
      for (double step : new double[] {1e-3, -1e-3}) {
        double[] moved = c.clone();
        moved[p] += step;
        assertTrue(objective(rows, ids, h, lambda, moved) > at, "a minimum along centroid " + p);
      }
    }
  }

  @Test
  void anUnusedCentroidKeepsItsFallback() {
    CodebookRefit.NormalEquations eq = new CodebookRefit.NormalEquations(3);
    eq.add(new float[] {1f, 3f}, 0, new int[] {0, 0}, new double[][] {{1, 0}, {0, 1}}, 0);
    double[] c = eq.solve(new double[] {9, 7, 5});
    assertEquals(2.0, c[0], 1e-12, "identity H: the plain mean");
    assertEquals(7.0, c[1]);
    assertEquals(5.0, c[2]);
  }
}
