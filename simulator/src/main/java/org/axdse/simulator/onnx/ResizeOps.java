package org.axdse.simulator.onnx;

import java.util.Arrays;
import java.util.Map;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * Resize (opsets 10 to 18) and Upsample (opsets 7 to 9) in nearest mode with integer upsampling factors of the
 * height and width of an {@code [N, C, H, W]} activation, given as scales or as output sizes: a {@link ResizeLayer}.
 * The coordinate transformation and nearest rounding are checked by computing, for every output index, the input
 * index the ONNX operator page defines; any combination that does not read {@code out / factor} (such as
 * {@code align_corners}, or {@code asymmetric} with {@code round_prefer_ceil}) is a one-line error, as are linear
 * and cubic modes and downsampling.
 */
final class ResizeOps {
  private ResizeOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Resize", ResizeOps::resize);
    ops.put("Upsample", ResizeOps::upsample);
  }

  private static void upsample(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("mode", "scales");
    requireNearest(ctx, node, a);
    float[] scales = ctx.opset < 9 ? a.floats("scales") : ctx.constant(node, 1, "scales").asFloats();
    if (scales == null) {
      throw ctx.fail(node, "missing attribute 'scales'");
    }
    emit(ctx, node, scales, null, "asymmetric", "floor");
  }

  private static void resize(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("mode", "coordinate_transformation_mode", "nearest_mode", "cubic_coeff_a", "exclude_outside",
        "extrapolation_value", "antialias", "keep_aspect_ratio_policy");
    requireNearest(ctx, node, a);
    if (ctx.opset < 11) {
      emit(ctx, node, ctx.constant(node, 1, "scales").asFloats(), null, "asymmetric", "floor");
      return;
    }
    String transform = a.s("coordinate_transformation_mode", "half_pixel");
    if (transform.equals("tf_crop_and_resize")) {
      throw ctx.fail(node, "unsupported attribute 'coordinate_transformation_mode'='tf_crop_and_resize'");
    }
    Constant scales = ctx.optionalConstant(node, 2, "scales");
    Constant sizes = ctx.optionalConstant(node, 3, "sizes");
    if (sizes != null && !a.s("keep_aspect_ratio_policy", "stretch").equals("stretch")) {
      throw ctx.fail(node, "unsupported attribute 'keep_aspect_ratio_policy'='"
          + a.s("keep_aspect_ratio_policy", "") + "'");
    }
    boolean haveScales = scales != null && scales.size() > 0;
    if (haveScales == (sizes != null && sizes.size() > 0)) {
      throw ctx.fail(node, "needs exactly one of the inputs scales and sizes");
    }
    emit(ctx, node, haveScales ? scales.asFloats() : null, haveScales ? null : sizes,
        transform, a.s("nearest_mode", "round_prefer_floor"));
  }

  private static void requireNearest(ImportContext ctx, NodeProto node, NodeAttributes a) {
    String mode = a.s("mode", "nearest");
    if (!mode.equals("nearest")) {
      throw ctx.fail(node, "unsupported attribute 'mode'='" + mode + "' (only 'nearest')");
    }
  }

  /**
   * Either {@code scales} (per ONNX axis) or {@code sizes} (a constant whose first entry is read as the batch
   * whatever it holds, as Reshape reads its target, since PyTorch computes it from the input's shape).
   */
  private static void emit(ImportContext ctx, NodeProto node, float[] scales, Constant sizes, String transform,
      String rounding) {
    Value x = ctx.value(node, 0);
    Convert.requireBatchFirst(ctx, node, x, 4);
    Shape in = x.shape();
    int[] factor = new int[4];
    if (scales != null) {
      boolean ok = scales.length == 4 && scales[0] == 1f && scales[1] == 1f;
      for (int i = 2; ok && i < 4; i++) {
        ok = scales[i] >= 1f && scales[i] == Math.rint(scales[i]) && scales[i] <= 1 << 16;
        factor[i] = (int) scales[i];
      }
      if (!ok) {
        throw ctx.fail(node, "unsupported scales " + Arrays.toString(scales)
            + " (only integer upsampling factors of the height and width of [N, C, H, W])");
      }
    } else {
      long[] s = sizes.isInteger() ? sizes.longs() : new long[0];
      boolean ok = s.length == 4 && s[1] == in.dim(0);
      for (int i = 2; ok && i < 4; i++) {
        int n = in.dim(i - 1);
        ok = s[i] >= n && s[i] % n == 0 && s[i] / n <= 1 << 16;
        factor[i] = ok ? (int) (s[i] / n) : 0;
      }
      if (!ok) {
        throw ctx.fail(node, "unsupported sizes " + Arrays.toString(s).replace(Long.toString(ShapeFolding.BATCH), "N")
            + " for input " + x.describe() + " (only integer multiples of the height and width)");
      }
    }
    for (int i = 2; i < 4; i++) {
      checkNearest(ctx, node, transform, rounding, in.dim(i - 1), factor[i]);
    }
    Shape out = Shape.of(in.dim(0), in.dim(1) * factor[2], in.dim(2) * factor[3]);
    Convert.emitBatchFirst(ctx, node, Convert.build(ctx, node, () -> new ResizeLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), out), factor[2], factor[3])));
  }

  /** Fails unless ONNX's nearest Resize of an axis of {@code n} by {@code s} reads input {@code o / s} at each o. */
  private static void checkNearest(ImportContext ctx, NodeProto node, String transform, String rounding, int n,
      int s) {
    int m = n * s;
    for (int o = 0; o < m; o++) {
      double c = switch (transform) {
        case "half_pixel", "pytorch_half_pixel" -> m > 1 || transform.equals("half_pixel") ? (o + 0.5) / s - 0.5 : 0;
        case "asymmetric" -> (double) o / s;
        case "tf_half_pixel_for_nn" -> (o + 0.5) / s;
        case "align_corners" -> m == 1 ? 0 : o * (n - 1.0) / (m - 1);
        default -> throw ctx.fail(node, "unsupported attribute 'coordinate_transformation_mode'='" + transform + "'");
      };
      double f = Math.floor(c);
      double i = switch (rounding) {
        case "floor" -> f;
        case "ceil" -> Math.ceil(c);
        case "round_prefer_floor" -> c - f > 0.5 ? f + 1 : f;
        case "round_prefer_ceil" -> c - f >= 0.5 ? f + 1 : f;
        default -> throw ctx.fail(node, "unsupported attribute 'nearest_mode'='" + rounding + "'");
      };
      if (Math.max(0, Math.min(n - 1, i)) != o / s) {
        throw ctx.fail(node, "unsupported attribute 'coordinate_transformation_mode'='" + transform
            + "' with nearest_mode '" + rounding + "': output " + o + " of " + m + " reads input "
            + (long) Math.max(0, Math.min(n - 1, i)) + ", not " + o / s
            + " (only nearest upsampling that repeats each element)");
      }
    }
  }
}
