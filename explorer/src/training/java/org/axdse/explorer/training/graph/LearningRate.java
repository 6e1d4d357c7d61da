package org.axdse.explorer.training.graph;

import org.axdse.simulator.compensation.RetrainSettings.Schedule;

/**
 * The learning rate of step {@code s} (0-based) of {@code total}: constant; cosine from the base rate down to zero
 * (Loshchilov and Hutter, "SGDR", ICLR 2017, one cycle without restarts); or step decay, x0.1 from 50% and x0.01
 * from 75% of the steps (He et al. 2016 divide by 10 at 50% and 75% of training).
 */
record LearningRate(Schedule schedule, double base, long total) {
  LearningRate {
    if (!(base > 0) || total < 1) {
      throw new IllegalArgumentException("base rate and step count must be positive");
    }
  }

  double at(long s) {
    double t = (double) s / total;
    return switch (schedule) {
      case CONSTANT -> base;
      case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * t));
      case STEP -> base * (t < 0.5 ? 1 : t < 0.75 ? 0.1 : 0.01);
    };
  }
}
