package org.axdse.simulator.imc;

import java.util.List;
import org.axdse.simulator.compensation.BiasOrder;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.InputCodes;
import org.axdse.simulator.engine.IntegerEngine;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.engine.Predictions;
import org.axdse.simulator.engine.TensorTap;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Runs a quantized model on a data set with its convolution and dense layers on an IMC architecture: the
 * integer engine with {@link ImcNetwork}'s dataflows. Input codes are computed once. Not thread-safe (one run at a
 * time, each using all the kernels' threads); results do not depend on the thread count.
 */
public final class ImcSession {
  private final Model model;
  private final QuantizedModel quant;
  private final Kernels kernels;
  private final IntegerEngine engine;
  private final ImcNetwork network;
  private final Dataset data;
  private final byte[] inputCodes;
  private final int per;
  private final int classes;
  private final byte[] batchCodes;

  public ImcSession(Model model, QuantizedModel quant, Dataset data, ImcArchitecture arch, Kernels kernels,
      int batch) {
    this.model = model;
    this.quant = quant;
    this.kernels = kernels;
    this.engine = new IntegerEngine(model, quant, kernels, batch);
    this.network = new ImcNetwork(model, quant, arch);
    this.data = data;
    this.inputCodes = InputCodes.of(data, quant.preprocessing(), quant.tensor(model.input().name()));
    this.per = inputCodes.length / data.size();
    this.classes = engine.logitsPerSample();
    this.batchCodes = new byte[batch * per];
  }

  public ImcNetwork network() {
    return network;
  }

  /**
   * From now on, corrects the bias of every layer below full precision ({@link ImcBiasCorrection}), measured on
   * {@code calibration} (images kept apart from the evaluated ones) in {@code order}, and returns the correction.
   */
  public ImcBiasCorrection correctBias(Dataset calibration, BiasOrder order) {
    return correctBias(calibration, order, false);
  }

  /** As above; {@code againstNetwork}: against the exact network's accumulators (sequential order only). */
  public ImcBiasCorrection correctBias(Dataset calibration, BiasOrder order, boolean againstNetwork) {
    ImcBiasCorrection c = new ImcBiasCorrection(new ImcSession(model, quant, calibration, network.architecture(),
        kernels, engine.maxBatch()), order, againstNetwork);
    network.correctBias(c);
    return c;
  }

  /**
   * As {@link #correctBias(Dataset, BiasOrder, boolean)} for the value of {@code --bias-order}: {@code exact},
   * {@code sequential} or {@code network} (sequential, against the exact network's accumulators).
   */
  public ImcBiasCorrection correctBias(Dataset calibration, String order) {
    return switch (order) {
      case "exact" -> correctBias(calibration, BiasOrder.EXACT_INPUTS, false);
      case "sequential" -> correctBias(calibration, BiasOrder.SEQUENTIAL, false);
      case "network" -> correctBias(calibration, BiasOrder.SEQUENTIAL, true);
      default -> throw new IllegalArgumentException("bias order must be exact, sequential or network: " + order);
    };
  }

  /** From now on, corrects the bias with {@code c}, measured for another session of the same quantized model. */
  public void correctBias(ImcBiasCorrection c) {
    network.correctBias(c);
  }

  public Dataset data() {
    return data;
  }

  /** All image indices, {@code 0 .. size-1}. */
  public int[] all() {
    return java.util.stream.IntStream.range(0, data.size()).toArray();
  }

  /** The logit codes (sample-major) of {@code images} with {@code flows} (null entries: exact kernels). */
  public byte[] logits(LayerDataflow[] flows, int[] images) {
    return logits(flows, images, TensorTap.NONE);
  }

  /** As above, with {@code tap} observing every tensor of every batch (tests look at a layer's inputs). */
  public byte[] logits(LayerDataflow[] flows, int[] images, TensorTap tap) {
    byte[] out = new byte[images.length * classes];
    int batch = engine.maxBatch();
    for (int from = 0; from < images.length; from += batch) {
      int n = Math.min(batch, images.length - from);
      for (int j = 0; j < n; j++) {
        System.arraycopy(inputCodes, images[j + from] * per, batchCodes, j * per, per);
      }
      byte[] codes = engine.run(batchCodes, 0, n, flows, tap);
      System.arraycopy(codes, 0, out, from * classes, n * classes);
    }
    return out;
  }

  /** Top-1 accuracy over {@code images} with {@code knobs} per approximable layer (null: not mapped). */
  public double top1(List<ImcKnobs> knobs, int[] images) {
    return top1(logits(network.dataflows(knobs, true), images), images);
  }

  /** Top-1 accuracy of logit codes for {@code images}. */
  public double top1(byte[] logits, int[] images) {
    boolean signed = engine.logitParams().signed();
    int correct = 0;
    for (int j = 0; j < images.length; j++) {
      correct += Predictions.top1(logits, j * classes, classes, signed) == data.label(images[j]) ? 1 : 0;
    }
    return (double) correct / images.length;
  }

  /** Values per sample of the logits. */
  public int classes() {
    return classes;
  }
}
