package org.axdse.simulator.engine;

import org.axdse.simulator.kernels.ActivationPanel;

/**
 * Work arrays shared by the steps of one engine, grown to the largest size any step asked for and then reused:
 * raw accumulators (table and exact), activation column sums, and an activation panel for dense and recurrent
 * layers. Steps run one at a time, so one set suffices.
 */
final class Scratch {
  private int[] acc = new int[0];
  private int[] exact = new int[0];
  private int[] sums = new int[0];
  final ActivationPanel panel = ActivationPanel.allocate(1, 1);

  int[] acc(long n) {
    if (acc.length < n) {
      acc = new int[Math.toIntExact(n)];
    }
    return acc;
  }

  int[] exact(long n) {
    if (exact.length < n) {
      exact = new int[Math.toIntExact(n)];
    }
    return exact;
  }

  int[] sums(long n) {
    if (sums.length < n) {
      sums = new int[Math.toIntExact(n)];
    }
    return sums;
  }
}
