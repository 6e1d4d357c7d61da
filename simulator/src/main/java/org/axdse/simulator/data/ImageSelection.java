package org.axdse.simulator.data;

import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.axdse.multipliers.util.BadInputException;

/**
 * Which images of an evaluation split a run's figures are measured on, so that a search, {@code axdse pick} and
 * {@code axdse evaluate --config deploy.json} all see the same ones: the split without the {@code holdout} images
 * a search calibrated on ({@code --calib-data holdout}: {@code holdout} images drawn with {@link #HOLDOUT_SEED}),
 * then, with {@code subset} M > 0, the M of them {@link Dataset#subsetIndices} draws with {@link #SUBSET_SEED}
 * (the search's final fidelity, {@code --final-images M}: not the first M, since test files may be sorted by
 * label), then, with {@code limit} N > 0, the first N of those (a quick check, {@code --limit}).
 */
public record ImageSelection(int holdout, int subset, int limit) {
  /** The calibration source ({@code --calib-data holdout}) that holds test images out of the evaluation. */
  public static final String HOLDOUT = "holdout";
  /** Seed of the held-out calibration images (and of every calibration subset). */
  public static final long HOLDOUT_SEED = 1L;
  /** Seed of the final-fidelity subset: one constant, so runs with different seeds are verified alike. */
  public static final long SUBSET_SEED = 0x5EEDL;

  public ImageSelection {
    if (holdout < 0 || subset < 0 || limit < 0) {
      throw new IllegalArgumentException("holdout, subset and limit must be >= 0 (0: none, all, all)");
    }
  }

  /** All images of the split. */
  public static ImageSelection all() {
    return new ImageSelection(0, 0, 0);
  }

  /** The {@code n} calibration images held out of {@code split}. */
  public static Dataset heldOut(Dataset split, int n) {
    return split.select(heldOutIndices(split, n));
  }

  /** {@code split} without its {@code holdout} held-out images (all of it when 0). */
  public static Dataset remaining(Dataset split, int holdout) {
    if (holdout == 0) {
      return split;
    }
    boolean[] taken = new boolean[split.size()];
    for (int i : heldOutIndices(split, holdout)) {
      taken[i] = true;
    }
    return split.select(IntStream.range(0, split.size()).filter(i -> !taken[i]).toArray(),
        split.name() + "[without " + holdout + " held out for calibration]");
  }

  /**
   * The {@code n} calibration images of {@code --calib-data source}, as {@code axdse search} and the simulator
   * commands draw them: with {@link #HOLDOUT}, the images {@link #heldOut} holds out of the evaluation split
   * {@code split} (named {@code splitName} in the error); otherwise {@code n} images drawn with
   * {@link #HOLDOUT_SEED} from the train split of {@code source} (a data set spec), or of {@code data} when
   * {@code source} is null or blank. A bad source is a one-line error naming {@code --calib-data}.
   */
  public static Dataset calibration(String source, DatasetSpec data, Supplier<Dataset> split, String splitName,
      int n) {
    if (isHoldout(source)) {
      return heldOut(checkHoldout(split.get(), splitName, n), n);
    }
    DatasetSpec spec = calibrationSpec(source, data);
    try {
      return spec.load(Split.TRAIN).subset(n, HOLDOUT_SEED);
    } catch (BadInputException e) {
      throw source == null || source.isBlank() ? e : new BadInputException("--calib-data " + source.strip()
          + ": " + e.getMessage());
    }
  }

  /** {@code split} as evaluated with {@code --calib-data source}: without its {@code n} held-out images. */
  public static Dataset evaluation(String source, Dataset split, String splitName, int n) {
    return isHoldout(source) ? remaining(checkHoldout(split, splitName, n), n) : split;
  }

  /** True for {@code --calib-data holdout}. */
  public static boolean isHoldout(String source) {
    return source != null && source.strip().equals(HOLDOUT);
  }

  /**
   * The data set whose train split {@code --calib-data source} calibrates on ({@code data} when null or blank);
   * null for {@link #HOLDOUT}. An unparsable spec is a one-line error naming the flag.
   */
  public static DatasetSpec calibrationSpec(String source, DatasetSpec data) {
    if (isHoldout(source)) {
      return null;
    }
    if (source == null || source.isBlank()) {
      return data;
    }
    try {
      return DatasetSpec.parse(source.strip());
    } catch (BadInputException e) {
      throw new BadInputException("--calib-data: " + e.getMessage() + " (or holdout)");
    }
  }

  private static Dataset checkHoldout(Dataset split, String splitName, int n) {
    if (n >= split.size()) {
      throw new BadInputException("--calib-data holdout: --calib " + n + " leaves none of the " + split.size()
          + " " + splitName + " images for evaluation");
    }
    return split;
  }

  private static int[] heldOutIndices(Dataset split, int n) {
    if (n >= split.size()) {
      throw new IllegalArgumentException("holding out " + n + " calibration images leaves none of the "
          + split.size() + " images for evaluation");
    }
    return Dataset.subsetIndices(split.size(), n, HOLDOUT_SEED);
  }

  /** Indices of the final-fidelity images among {@code n}: all when {@code m} is 0 or at least {@code n}. */
  public static int[] subsetOf(int n, int m) {
    return m == 0 || m >= n ? IntStream.range(0, n).toArray() : Dataset.subsetIndices(n, m, SUBSET_SEED);
  }

  /** The selected images of {@code split}. */
  public Dataset select(Dataset split) {
    Dataset rest = remaining(split, holdout);
    Dataset sub = subset == 0 || subset >= rest.size() ? rest : rest.select(subsetOf(rest.size(), subset));
    return limit == 0 || limit >= sub.size() ? sub : sub.limit(limit);
  }
}
