package org.axdse.explorer.training;

import java.util.List;
import java.util.Locale;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.explorer.training.net.ConvBn;
import org.axdse.explorer.training.net.Dense;
import org.axdse.explorer.training.net.Flatten;
import org.axdse.explorer.training.net.GlobalAvgPool;
import org.axdse.explorer.training.net.NetLayer;
import org.axdse.explorer.training.net.Network;
import org.axdse.explorer.training.net.Pool2d;
import org.axdse.explorer.training.net.Residual;
import org.axdse.explorer.training.net.RowLstm;

/**
 * The baseline classifiers for 28x28 grey images and 10 classes. Every convolution is followed by BatchNorm,
 * which the export folds into the convolution, so the ONNX graphs hold only Conv, Gemm, Relu, pools, Add,
 * Flatten, Reshape, Transpose and LSTM.
 */
public enum Architecture {
  /** LeNet-5 (LeCun et al. 1998) with ReLU and max pooling: conv5-6, pool, conv5-16, pool, fc120, fc84, fc10. */
  LENET5 {
    @Override
    List<NetLayer> layers() {
      return List.of(
          ConvBn.padded(1, 6, 5, 1, 2, true), Pool2d.max(2, 2),
          ConvBn.padded(6, 16, 5, 1, 0, true), Pool2d.max(2, 2),
          new Flatten(), new Dense(400, 120, true), new Dense(120, 84, true), new Dense(84, 10, false));
    }
  },
  /**
   * ResNet-8 (He et al. 2016) for 28x28: a 3x3 stem of 16 channels, three basic blocks of 16, 32 and 64 channels
   * (the last two halve the resolution, with 1x1 projection shortcuts), global average pooling, fc10.
   */
  RESNET8 {
    @Override
    List<NetLayer> layers() {
      return List.of(
          ConvBn.of(1, 16, 3, 1, true),
          basic(16, 16, 1), basic(16, 32, 2), basic(32, 64, 2),
          new GlobalAvgPool(), new Dense(64, 10, false));
    }
  },
  /**
   * MobileNet-style network (Howard et al. 2017): a 3x3 stem of 32 channels at 28x28, then depthwise-separable
   * blocks (3x3 depthwise with groups = channels, then 1x1 pointwise) to 64 (stride 2), 128, 128 (stride 2) and
   * 256 channels, global average pooling, fc10. Downsampling in the first block keeps training cheap on a CPU.
   */
  MOBILENET {
    @Override
    List<NetLayer> layers() {
      return List.of(
          ConvBn.of(1, 32, 3, 1, true),
          ConvBn.depthwise(32, 2), ConvBn.of(32, 64, 1, 1, true),
          ConvBn.depthwise(64, 1), ConvBn.of(64, 128, 1, 1, true),
          ConvBn.depthwise(128, 2), ConvBn.of(128, 128, 1, 1, true),
          ConvBn.depthwise(128, 1), ConvBn.of(128, 256, 1, 1, true),
          new GlobalAvgPool(), new Dense(256, 10, false));
    }
  },
  /** An LSTM of 128 units reading the image row by row (28 steps of 28 pixels), then fc10 on the last state. */
  LSTM {
    @Override
    List<NetLayer> layers() {
      return List.of(new RowLstm(28, 28, 128), new Dense(128, 10, false));
    }
  };

  /** Fashion-MNIST training-set pixel mean and standard deviation after scaling to [0, 1]. */
  static final double MEAN = 0.2860;
  static final double STD = 0.3530;

  abstract List<NetLayer> layers();

  /** A fresh, untrained network of this architecture. */
  public Network network() {
    long[] shape = readsRows() ? new long[] {28, 28} : new long[] {1, 28, 28};
    return new Network(cliName(), shape, layers());
  }

  /**
   * The sidecar of this architecture's models: pixels scaled to [0, 1], then normalized with the training set's
   * mean and standard deviation; layout {@code NCHW} {@code [1, 28, 28]}, or {@code HW} {@code [28, 28]} for the
   * LSTM, which reads rows as time steps.
   */
  public Preprocessing preprocessing(List<String> classNames) {
    return new Preprocessing(readsRows() ? Preprocessing.Layout.HW : Preprocessing.Layout.NCHW,
        readsRows() ? new int[] {28, 28} : new int[] {1, 28, 28}, 1.0 / 255.0, new double[] {MEAN},
        new double[] {STD}, classNames.size(), classNames);
  }

  /** Whether the network reads a {@code [28, 28]} image row by row as a sequence, not a {@code [1, 28, 28]} image. */
  public boolean readsRows() {
    return this == LSTM;
  }

  /** The name used on the command line and for model files: {@code lenet5}, {@code resnet8}, ... */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static NetLayer basic(int in, int out, int stride) {
    List<NetLayer> main = List.of(ConvBn.of(in, out, 3, stride, true), ConvBn.of(out, out, 3, 1, false));
    List<NetLayer> shortcut = in == out && stride == 1 ? List.of() : List.of(ConvBn.of(in, out, 1, stride, false));
    return new Residual(main, shortcut);
  }
}
