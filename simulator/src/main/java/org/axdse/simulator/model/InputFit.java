package org.axdse.simulator.model;

import java.util.Arrays;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.data.Dataset;

/**
 * The check that a model, its preprocessing and a data set describe samples of one size, made before any pass
 * over the images: a one-line error that names the data set's source (or the preprocessing) and both sizes.
 */
public final class InputFit {
  private InputFit() {}

  /** Throws a {@link BadInputException} unless {@code pre} and every image of {@code data} fit {@code model}. */
  public static void check(Model model, Preprocessing pre, Dataset data) {
    int per = model.input().shape().size();
    if (pre.sampleSize() != per) {
      throw new BadInputException("the preprocessing's inputShape " + Arrays.toString(pre.inputShape()) + " ("
          + pre.sampleSize() + " values) does not fit the model's input " + model.input().shape() + " (" + per
          + " values)");
    }
    if (data.imageBytes() != per) {
      throw new BadInputException(data.source() + ": its images have " + data.channels() + "x" + data.height()
          + "x" + data.width() + " = " + data.imageBytes() + " values, the model's input " + model.input().shape()
          + " takes " + per + " (another data set than the model was trained on?)");
    }
  }
}
