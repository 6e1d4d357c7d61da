package org.axdse.explorer.training.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * A square 2-D convolution followed by BatchNorm and optionally ReLU. Exported as one ONNX {@code Conv} with the
 * BatchNorm folded in (Ioffe and Szegedy 2015, inference form): with {@code s = gamma / sqrt(var + eps)},
 * {@code W' = W * s} per output channel and {@code b' = (b - mean) * s + beta}. {@code groups == in} gives a
 * depthwise convolution. The DJL block is {@link Approximated}: retraining replaces its output (after the ReLU) by
 * the simulator's.
 */
public final class ConvBn implements NetLayer {
  static final float EPS = 1e-5f;

  private final int in;
  private final int out;
  private final int kernel;
  private final int stride;
  private final int pad;
  private final int groups;
  private final boolean relu;
  private final Conv2d conv;
  private final BatchNorm bn;
  private final SequentialBlock sequence;
  private final Approximated block;

  private ConvBn(int in, int out, int kernel, int stride, int pad, int groups, boolean relu) {
    if (in % groups != 0 || out % groups != 0) {
      throw new IllegalArgumentException("channels " + in + "->" + out + " not divisible by groups " + groups);
    }
    this.in = in;
    this.out = out;
    this.kernel = kernel;
    this.stride = stride;
    this.pad = pad;
    this.groups = groups;
    this.relu = relu;
    this.conv = Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(out)
        .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad)).optGroups(groups).optBias(false)
        .build();
    this.bn = BatchNorm.builder().optEpsilon(EPS).build();
    this.sequence = new SequentialBlock().add(conv).add(bn);
    if (relu) {
      sequence.add(Activation.reluBlock());
    }
    this.block = new Approximated(sequence);
  }

  /** A dense convolution with "same" padding for odd kernels when {@code stride == 1}. */
  public static ConvBn of(int in, int out, int kernel, int stride, boolean relu) {
    return new ConvBn(in, out, kernel, stride, kernel / 2, 1, relu);
  }

  /** A convolution with explicit padding. */
  public static ConvBn padded(int in, int out, int kernel, int stride, int pad, boolean relu) {
    return new ConvBn(in, out, kernel, stride, pad, 1, relu);
  }

  /** A depthwise 3x3 convolution (groups = channels), then BatchNorm and ReLU. */
  public static ConvBn depthwise(int channels, int stride) {
    return new ConvBn(channels, channels, 3, stride, 1, channels, true);
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public long[] outputShape(long[] s) {
    return new long[] {out, outSize(s[1]), outSize(s[2])};
  }

  private long outSize(long x) {
    return (x + 2L * pad - kernel) / stride + 1;
  }

  @Override
  public long macs(long[] s) {
    long[] o = outputShape(s);
    return o[0] * o[1] * o[2] * (in / groups) * kernel * kernel;
  }

  @Override
  public String export(ExportContext ctx, String input, long[] inShape) {
    float[] w = Params.of(conv, "weight");
    float[] gamma = Params.of(bn, "gamma");
    float[] beta = Params.of(bn, "beta");
    float[] mean = Params.of(bn, "runningMean");
    float[] var = Params.of(bn, "runningVar");
    int perOut = w.length / out;
    float[] fw = new float[w.length];
    float[] fb = new float[out];
    for (int o = 0; o < out; o++) {
      double s = gamma[o] / Math.sqrt((double) var[o] + EPS);
      for (int k = 0; k < perOut; k++) {
        fw[o * perOut + k] = (float) (w[o * perOut + k] * s);
      }
      fb[o] = (float) (beta[o] - mean[o] * s);
    }
    String y = ctx.graph().conv(ctx.name(groups == 1 ? "conv" : "dwconv"), input, fw,
        new int[] {out, in / groups, kernel, kernel}, fb, new int[] {stride, stride},
        new int[] {pad, pad, pad, pad}, new int[] {1, 1}, groups);
    String output = relu ? ctx.graph().relu(ctx.name("relu"), y) : y;
    ctx.approximable(output, block);
    return output;
  }
}
