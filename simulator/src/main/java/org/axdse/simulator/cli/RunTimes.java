package org.axdse.simulator.cli;

import java.util.Arrays;

/**
 * The wall and process CPU seconds of repeated runs of one benchmark case, summarized by medians with their spread
 * (minimum and maximum): on a shared machine the median resists the odd slow run, and the spread shows how noisy
 * the measurement was.
 */
record RunTimes(double[] wall, double[] cpu) {
  RunTimes {
    if (wall.length == 0 || wall.length != cpu.length) {
      throw new IllegalArgumentException("need as many CPU as wall times, at least one run");
    }
    for (int i = 0; i < wall.length; i++) {
      if (!(wall[i] > 0) || !(cpu[i] >= 0)) {
        throw new IllegalArgumentException("run " + i + ": wall must be positive and CPU non-negative");
      }
    }
    wall = wall.clone();
    cpu = cpu.clone();
  }

  int runs() {
    return wall.length;
  }

  double medianWall() {
    return median(wall);
  }

  double medianCpu() {
    return median(cpu);
  }

  double minWall() {
    return Arrays.stream(wall).min().orElseThrow();
  }

  double maxWall() {
    return Arrays.stream(wall).max().orElseThrow();
  }

  /** The middle value, or the mean of the two middle ones for an even count. */
  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
