package org.axdse.simulator.engine;

import java.util.List;

/**
 * The result of evaluating one assignment on a set of images: accuracy of the float model, of the exact-quantized
 * model and of the assignment; {@code agreement}, the fraction of images whose top-1 class under the assignment
 * equals the exact-quantized model's; energy relative to the all-exact network (multiplier-only and system-level,
 * see the energy model; null with {@code energyNote} saying why when a multiplier has no circuit); and one
 * {@link LayerResult} per approximable layer. {@code floatModel} is null when the session skipped the float
 * reference.
 */
public record Evaluation(int images, Accuracy floatModel, Accuracy exactQuantized, Accuracy assignment,
    double agreement, Double multiplierEnergy, Double systemEnergy, String energyNote, List<LayerResult> layers) {
  public Evaluation {
    layers = List.copyOf(layers);
    energyNote = energyNote == null ? "" : energyNote;
  }

  /** Accuracy lost against the exact-quantized model, in top-1 percentage points. */
  public double top1Drop() {
    return 100 * (exactQuantized.top1() - assignment.top1());
  }
}
