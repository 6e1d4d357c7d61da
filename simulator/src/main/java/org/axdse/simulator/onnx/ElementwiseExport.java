package org.axdse.simulator.onnx;

import static org.axdse.simulator.onnx.OnnxGraphBuilder.attr;

import java.util.List;
import org.axdse.simulator.model.UnaryLayer;

/**
 * The ONNX nodes of a {@link UnaryLayer} at the exporter's opset 13: HardSwish (opset 14) is written as older
 * exporters do, {@code x * HardSigmoid(x)} with alpha 1/6 and beta 1/2; a LeakyRelu with a slope per channel is a
 * PRelu whose slope broadcasts along the layer's axis.
 */
final class ElementwiseExport {
  private ElementwiseExport() {}

  static String unary(OnnxGraphBuilder b, UnaryLayer l, String x, long[] slopeDims) {
    String n = l.name();
    return switch (l.function()) {
      case SIGMOID, TANH, SOFTPLUS, ERF -> b.op(l.function().onnx(), n, List.of(x));
      case ELU -> b.op("Elu", n, List.of(x), attr("alpha", l.alpha()[0]));
      case SELU -> b.op("Selu", n, List.of(x), attr("alpha", l.alpha()[0]), attr("gamma", l.beta()));
      case HARD_SIGMOID -> b.op("HardSigmoid", n, List.of(x), attr("alpha", l.alpha()[0]), attr("beta", l.beta()));
      case HARD_SWISH -> b.mul(n, x, b.op("HardSigmoid", n + "/gate", List.of(x), attr("alpha", 1f / 6),
          attr("beta", 0.5f)));
      case LEAKY_RELU -> l.alpha().length == 1 ? b.op("LeakyRelu", n, List.of(x), attr("alpha", l.alpha()[0]))
          : b.op("PRelu", n, List.of(x, b.constant(n + ".slope", l.alpha(), slopeDims)));
    };
  }
}
