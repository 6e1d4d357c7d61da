package org.axdse.explorer.training;

import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Preprocessing;

/** Turns images of a {@link Dataset} into network inputs with a model's {@link Preprocessing}. */
public final class Inputs {
  private Inputs() {}

  /**
   * Writes images {@code order[from] .. order[from+n-1]} (or {@code from .. from+n-1} when {@code order} is null)
   * into {@code out}, one preprocessed sample after another.
   */
  public static void batch(Preprocessing prep, Dataset data, int[] order, int from, int n, float[] out) {
    int size = data.imageBytes();
    byte[] image = new byte[size];
    for (int i = 0; i < n; i++) {
      data.copyImage(order == null ? from + i : order[from + i], image, 0);
      prep.apply(image, 0, out, i * size);
    }
  }

  /** All images of {@code data}, preprocessed. */
  public static float[] all(Preprocessing prep, Dataset data) {
    float[] out = new float[data.size() * data.imageBytes()];
    batch(prep, data, null, 0, data.size(), out);
    return out;
  }
}
