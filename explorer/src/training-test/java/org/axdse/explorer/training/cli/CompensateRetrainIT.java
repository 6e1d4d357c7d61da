package org.axdse.explorer.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.explorer.training.cli.CompensateRetrainTest.Run;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse compensate --method retrain} end to end on a copy of the shipped LeNet-5 and a tiny IDX set cut
 * from the bundled test images (256 training, 100 test images). The written model carries the retraining's
 * quantization ({@code lenet5-rt.quantization.json}), and {@code evaluate} on it gives the retraining's figure.
 */
class CompensateRetrainIT {
  @Test
  void retrainsWritesModelAndReportsBeforeAndAfter(@TempDir Path dir) throws Exception {
    Path model = CompensateRetrainTest.copyLenet(dir, false);
    CompensateRetrainTest.tinyData(dir);
    Path out = dir.resolve("out/lenet5-rt.onnx");
    Run r = CompensateRetrainTest.run("compensate", "--model", model.toString(), "--data", "fashion-mnist:" + dir,
        "--uniform", "s8x8_bam_h2v5", "--method", "retrain", "--epochs", "1", "--batch-size", "64", "--calib", "50",
        "--threads", "1", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    for (String f : new String[] {"lenet5-rt.onnx", "lenet5-rt.preprocess.json"}) {
      assertTrue(Files.size(dir.resolve("out").resolve(f)) > 0, f);
    }
    assertEquals(OnnxImporter.load(model).approximableLayers().stream().map(l -> l.name()).toList(),
        OnnxImporter.load(out).approximableLayers().stream().map(l -> l.name()).toList());
    assertTrue(r.out().contains("method       retrain (1 epoch"), r.out());
    assertTrue(r.out().contains("compensated"), r.out());
    assertTrue(r.out().contains("images       100 (test)"), r.out());
    // four steps of 64 images, one progress line
    assertTrue(r.err().contains("retrain epoch 1/1"), r.err());
    assertTrue(r.err().contains("matches the float executor"), r.err());
    // the checkpoint of the finished run is removed (the lock file of its directory stays)
    assertTrue(Files.notExists(dir.resolve("out/lenet5-rt.retrain/checkpoint.bin")));
    // the written model carries the quantization it was trained with: the source model's calibration on the same
    // 50 training images (by position: the exporter names tensors afresh) ...
    JsonNode recorded = JSON.readTree(RecordedQuantization.fileOf(out).toFile()).get("quantization");
    QuantizedModel source;
    try (Kernels k = Kernels.create(1, KernelMode.SCALAR)) {
      source = Calibration.run(OnnxImporter.load(model), Preprocessing.requiredFor(model),
          DatasetSpec.parse("fashion-mnist:" + dir).load(Split.TRAIN).subset(50, 1L),
          QuantConfig.defaults(QuantMode.SYMMETRIC).withCalibration(50, CalibrationMethod.PERCENTILE), k);
    }
    assertEquals(params(source.toJson().get("tensors")), params(recorded.get("tensors")));
    // ... and evaluate gives the retraining's own figure with it
    Run ev = CompensateRetrainTest.run("evaluate", "--model", out.toString(), "--data", "fashion-mnist:" + dir,
        "--uniform", "s8x8_bam_h2v5", "--calib", "50", "--threads", "1", "--format", "json", "--no-float",
        "--no-layer-stats");
    assertEquals(0, ev.code(), ev.err());
    double top1 = JSON.readTree(ev.out()).get("evaluation").get("assignment").get("top1").asDouble();
    Matcher row = Pattern.compile("(?m)^compensated\\s+(\\S+)").matcher(r.out());
    assertTrue(row.find(), r.out());
    assertEquals(row.group(1), String.format(Locale.ROOT, "%.4f", top1));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Scale and zero point of every tensor in order. */
  private static List<String> params(JsonNode tensors) {
    List<String> all = new ArrayList<>();
    tensors.forEach(t -> all.add(t.get("scale").asDouble() + "/" + t.get("zeroPoint").asInt()));
    return all;
  }
}
