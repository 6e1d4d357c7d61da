package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.axdse.multipliers.io.Npy;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse evaluate} (int8 and a float format), {@code axdse predict}, {@code axdse imc evaluate} and a short
 * {@code axdse search} on an EfficientNet-style model exported by PyTorch
 * (SiLU as {@code x * Sigmoid(x)}, a squeeze-and-excitation block with ReduceMean and a broadcast Mul; from
 * {@code scripts/make-compat-models.py}). The images are seeded random pixels labelled with the float model's own
 * top-1 class, so the float model scores 100% by construction and the int8 scores are agreement with float.
 */
class CompatCliIT {
  static final Path MODEL = Path.of("..").toAbsolutePath().normalize()
      .resolve("simulator/src/test/resources/compat/effnet_op13.onnx");
  static final int IMAGES = 300;
  @TempDir Path tmp;

  @Test
  void evaluateAndSearchRunOnAnEdgeCnnWithTheNewOperators() throws Exception {
    Path model = tmp.resolve("effnet.onnx");
    Files.copy(MODEL, model);
    Files.writeString(tmp.resolve("effnet.preprocess.json"), """
        { "layout" : "NCHW", "inputShape" : [ 3, 16, 16 ], "scale" : 0.00392156862745098,
          "mean" : [ 0.5, 0.5, 0.5 ], "std" : [ 0.25, 0.25, 0.25 ], "numClasses" : 10 }
        """);
    String data = "npy:" + images(model) + "," + tmp.resolve("y.npy");
    String[] eval = MixedWidthRoundTripIT.run("evaluate", "--model", model.toString(), "--data", data, "--calib",
        "100", "--uniform", "s8x8_trunc4", "--threads", "2", "--format", "json", "-q");
    JsonNode e = new ObjectMapper().readTree(eval[0]).get("evaluation");
    assertEquals(1.0, e.get("floatModel").get("top1").asDouble(), "labels are the float model's classes");
    double int8 = e.get("exactQuantized").get("top1").asDouble();
    assertTrue(int8 >= 0.8, "exact int8 agrees with float on " + int8 + " of the images");
    assertTrue(e.get("multiplierEnergy").asDouble() < 1, "the approximate multiplier costs less");
    String[] predict = MixedWidthRoundTripIT.run("predict", "--model", model.toString(), "--data", data, "--calib",
        "100", "--uniform", "s8x8_trunc4", "--threads", "2", "--format", "json", "-q");
    JsonNode pr = new ObjectMapper().readTree(predict[0]);
    assertEquals(7, pr.get("layers").size(), "the error model describes every approximable layer, SE convs too");
    assertTrue(pr.get("predictedTop1").asDouble() >= 0 && pr.get("predictedTop1").asDouble() <= 1);
    String[] fp8 = MixedWidthRoundTripIT.run("evaluate", "--model", model.toString(), "--data", data, "--calib",
        "100", "--limit", "100", "--uniform", "e4m3_trunc3", "--threads", "2", "--format", "json", "-q");
    JsonNode f = new ObjectMapper().readTree(fp8[0]).get("evaluation");
    assertEquals(7, f.get("layers").size(), "the float-format path runs every approximable layer");
    String[] imc = MixedWidthRoundTripIT.run("imc", "evaluate", "--model", model.toString(), "--data", data,
        "--limit", "100", "--threads", "2", "--format", "json", "-q");
    assertTrue(imc[0].contains("/se/fc2/Conv"), "the IMC mapping covers the SE block's convolutions");
    Path run = tmp.resolve("run");
    MixedWidthRoundTripIT.run("search", "--model", model.toString(), "--data", data, "--calib", "100",
        "--generations", "1", "--population", "6", "--eval-images", "100", "--final-images", "200", "--baselines",
        "none", "--threads", "2", "--out", run.toString(), "-q");
    JsonNode front = new ObjectMapper().readTree(run.resolve("front.json").toFile());
    JsonNode points = front.get("points");
    assertTrue(points.size() >= 1, "a front");
    for (JsonNode p : points) {
      assertEquals(7, p.get("layer_multipliers").size(), "one multiplier per approximable layer, SE convs too");
      assertTrue(p.get("final_accuracy").asDouble() >= 0 && p.get("multiplier_energy").asDouble() > 0);
    }
  }

  /** Seeded random images, labelled with the float model's top-1 class; returns the images file. */
  private Path images(Path model) throws Exception {
    Random r = new Random(11);
    byte[] px = new byte[IMAGES * 3 * 16 * 16];
    r.nextBytes(px);
    Preprocessing pre = Preprocessing.requiredFor(model);
    float[] x = new float[px.length];
    int per = 3 * 16 * 16;
    for (int i = 0; i < IMAGES; i++) {
      pre.apply(px, i * per, x, i * per);
    }
    float[] logits = FloatExecutor.of(OnnxImporter.load(model)).run(x, IMAGES);
    long[] labels = new long[IMAGES];
    for (int i = 0; i < IMAGES; i++) {
      int best = 0;
      for (int k = 1; k < 10; k++) {
        best = logits[i * 10 + k] > logits[i * 10 + best] ? k : best;
      }
      labels[i] = best;
    }
    long[] pixels = new long[px.length];
    for (int i = 0; i < px.length; i++) {
      pixels[i] = px[i] & 0xFF;
    }
    Path xs = tmp.resolve("x.npy");
    Npy.ofLongs(Npy.DType.U1, new long[] {IMAGES, 3, 16, 16}, pixels).write(xs);
    Npy.ofLongs(Npy.DType.I8, new long[] {IMAGES}, labels).write(tmp.resolve("y.npy"));
    return xs;
  }
}
