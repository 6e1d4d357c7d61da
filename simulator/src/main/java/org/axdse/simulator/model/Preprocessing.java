package org.axdse.simulator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;
import org.axdse.multipliers.util.JsonFiles;

/**
 * How raw 8-bit samples become a model's float input, read from the sidecar {@code M.preprocess.json} next to
 * {@code M.onnx}: {@code x = (byte * scale - mean[c]) / std[c]}, where {@code c} is the channel (first axis) for
 * layout {@code NCHW} and mean and std have one value for layout {@code HW} (a grey image read row by row as a
 * sequence of H steps of W features). Also names the classes the output logits stand for.
 */
public record Preprocessing(
    Layout layout, int[] inputShape, double scale, double[] mean, double[] std, int numClasses,
    List<String> classNames) {

  /** How the bytes of one sample are arranged. */
  public enum Layout {
    /** Channels, then rows, then columns ({@code inputShape} is {@code [C, H, W]}). */
    NCHW,
    /** One channel read as a sequence: rows are time steps ({@code inputShape} is {@code [H, W]}). */
    HW
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private static final List<String> KEYS =
      List.of("layout", "inputShape", "scale", "mean", "std", "numClasses", "classNames");
  /** The most values one input sample may hold (2^24, e.g. 3 x 2048 x 2048 fits). */
  static final long MAX_SAMPLE_VALUES = 1L << 24;
  private static final List<String> REQUIRED = KEYS.subList(0, 6);

  public Preprocessing {
    if (layout == null || inputShape == null || mean == null || std == null) {
      throw new IllegalArgumentException("layout, inputShape, mean and std are required");
    }
    inputShape = inputShape.clone();
    mean = mean.clone();
    std = std.clone();
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    int rank = layout == Layout.NCHW ? 3 : 2;
    if (inputShape.length != rank || Arrays.stream(inputShape).anyMatch(d -> d <= 0)) {
      throw new IllegalArgumentException("inputShape " + Arrays.toString(inputShape) + " is not " + rank
          + " positive dimensions for layout " + layout);
    }
    long values = 1;
    for (int d : inputShape) {
      values = Math.min(values * d, Long.MAX_VALUE / Integer.MAX_VALUE);
    }
    if (values > MAX_SAMPLE_VALUES) {
      throw new IllegalArgumentException("inputShape " + Arrays.toString(inputShape) + " holds more than "
          + MAX_SAMPLE_VALUES + " values per sample");
    }
    int channels = layout == Layout.NCHW ? inputShape[0] : 1;
    if ((mean.length != 1 && mean.length != channels) || mean.length != std.length) {
      throw new IllegalArgumentException("mean and std need 1 or " + channels + " values each");
    }
    if (Arrays.stream(mean).anyMatch(m -> !Double.isFinite(m))) {
      throw new IllegalArgumentException("mean " + Arrays.toString(mean) + " must be finite");
    }
    if (Arrays.stream(std).anyMatch(s -> !(s > 0) || Double.isInfinite(s)) || !(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale and std must be positive");
    }
    if (numClasses < 1 || (!classNames.isEmpty() && classNames.size() != numClasses)) {
      throw new IllegalArgumentException("numClasses " + numClasses + " with " + classNames.size() + " class names");
    }
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  /** Bytes per sample. */
  public int sampleSize() {
    return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
  }

  /** The model input of one sample. */
  public float[] apply(byte[] pixels) {
    if (pixels.length != sampleSize()) {
      throw new IllegalArgumentException("sample has " + pixels.length + " bytes, expected " + sampleSize());
    }
    float[] out = new float[pixels.length];
    apply(pixels, 0, out, 0);
    return out;
  }

  /** Writes the model input of the sample at {@code from} in {@code pixels} to {@code out} at {@code to}. */
  public void apply(byte[] pixels, int from, float[] out, int to) {
    int n = sampleSize();
    int plane = layout == Layout.NCHW ? inputShape[1] * inputShape[2] : n;
    for (int i = 0; i < n; i++) {
      int c = mean.length == 1 ? 0 : i / plane;
      out[to + i] = (float) (((pixels[from + i] & 0xff) * scale - mean[c]) / std[c]);
    }
  }

  /** {@code M.preprocess.json} for model file {@code M.onnx}. */
  public static Path sidecarOf(Path model) {
    String name = model.getFileName().toString().replaceFirst("\\.onnx$", "");
    return model.resolveSibling(name + ".preprocess.json");
  }

  /** The sidecar of {@code model}, if the file exists. */
  public static Optional<Preprocessing> forModel(Path model) {
    Path sidecar = sidecarOf(model);
    return Files.exists(sidecar) ? Optional.of(load(sidecar)) : Optional.empty();
  }

  /** The sidecar of {@code model}; a one-line error naming the model when there is none. */
  public static Preprocessing requiredFor(Path model) {
    return requiredFor(model, "");
  }

  /** As {@link #requiredFor(Path)}, with {@code hint} appended to the error, e.g. another way to supply it. */
  public static Preprocessing requiredFor(Path model, String hint) {
    return forModel(model).orElseThrow(() -> BadInputException.in(model,
        "no preprocessing sidecar " + sidecarOf(model).getFileName() + " next to the model" + hint));
  }

  /**
   * The file of a {@code --preprocess} flag, or, when the flag is empty, the sidecar of {@code model} (a one-line
   * error naming the model and the flag when there is none).
   */
  public static Preprocessing fromFlagOr(String flagFile, Path model) {
    return flagFile.isEmpty() ? requiredFor(model, " (or give --preprocess FILE)") : load(Path.of(flagFile));
  }

  public static Preprocessing load(Path file) {
    try {
      JsonNode tree = JSON.readTree(JsonFiles.strictBytes(file));
      if (tree == null || !tree.isObject()) {
        throw BadInputException.in(file, "expected a JSON object");
      }
      tree.fieldNames().forEachRemaining(key -> {
        if (!KEYS.contains(key)) {
          throw BadInputException.in(file, "unknown key '" + key + "' (expected " + KEYS + ")");
        }
      });
      for (String key : REQUIRED) {
        if (!tree.has(key) || tree.get(key).isNull()) {
          throw BadInputException.in(file, "missing key '" + key + "'");
        }
      }
      return JSON.treeToValue(tree, Preprocessing.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw BadInputException.in(file, cause.getMessage());
    } catch (JsonProcessingException e) {
      if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
        throw BadInputException.in(file, e.getOriginalMessage());
      }
      throw BadInputException.at(file, e.getLocation().getLineNr(), e.getOriginalMessage());
    } catch (NoSuchFileException e) {
      throw BadInputException.in(file, "no such file");
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void write(Path file) {
    AtomicFiles.writeString(file, toJson() + "\n");
  }
}
