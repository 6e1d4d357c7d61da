package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharingMemory;
import org.axdse.simulator.share.SharingPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse share} and {@code axdse evaluate --share} on the shared ResNet-20 with a few images: the written
 * model re-evaluates to the figures of the in-memory sharing; the file's "share" entry; one-line errors that
 * write nothing.
 */
class ShareCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Path model;
  final CliRun cli = new CliRun();

  @BeforeEach
  void copyModelWithSidecar() throws Exception {
    model = CliRun.resnet20(dir, true);
  }

  int run(Callable<Integer> command, StringWriter out, String... args) {
    return cli.run(command, out, args);
  }

  JsonNode evaluate(Path m, String... extra) throws Exception {
    String[] base = {"--model", m.toString(), "--data", "cifar10:" + TestData.cifarDir(), "--limit", "24",
        "--calib", "24", "--threads", "2", "--format", "json", "-q"};
    String[] all = CliRun.with(base, extra);
    StringWriter out = new StringWriter();
    assertEquals(0, run(new EvaluateCommand(), out, all), () -> String.valueOf(cli.failure()));
    return JSON.readTree(out.toString());
  }

  @Test
  void writtenWeightedModelEvaluatesLikeTheInMemorySharing() throws Exception {
    Path shared = dir.resolve("r20-ch8.onnx");
    StringWriter out = new StringWriter();
    assertEquals(0, run(new ShareCommand(), out, "--model", model.toString(), "--k", "8", "--granularity",
        "channel", "--weighted", "--data", "cifar10:" + TestData.cifarDir(), "--calib", "24", "--out",
        shared.toString(), "--format", "json"), () -> String.valueOf(cli.failure()));
    assertTrue(Files.exists(dir.resolve("r20-ch8.preprocess.json")));
    JsonNode written = JSON.readTree(out.toString());
    JsonNode inMemory = evaluate(model, "--share", "channel", "--share-k", "8", "--share-weighted", "--uniform",
        "s8x8_trunc4");
    JsonNode exported = evaluate(shared, "--uniform", "s8x8_trunc4");
    assertTrue(inMemory.get("evaluation").equals(exported.get("evaluation")), "evaluations differ");
    // the exporter names tensors after their layers: the layers' quantization (weights, scales, requantization,
    // operand counts) must agree, and the tensors' parameters in order
    JsonNode q1 = inMemory.get("quantization");
    JsonNode q2 = exported.get("quantization");
    assertTrue(q1.get("layers").equals(q2.get("layers")), "layer quantizations differ");
    assertEquals(q1.get("config"), q2.get("config"));
    assertEquals(java.util.stream.StreamSupport.stream(q1.get("tensors").spliterator(), false).toList(),
        java.util.stream.StreamSupport.stream(q2.get("tensors").spliterator(), false).toList());
    assertEquals(written.get("bits"), inMemory.get("sharing").get("bits"));
    // the exported weights hold at most 8 values per output channel
    for (ApproximableLayer l : OnnxImporter.load(shared).approximableLayers()) {
      if (l instanceof ConvLayer c) {
        for (int ch = 0; ch < c.outC(); ch++) {
          long distinct = java.util.stream.IntStream.range(ch * c.fanIn(), (ch + 1) * c.fanIn())
              .mapToObj(i -> c.weights()[i]).distinct().count();
          assertTrue(distinct <= 8, l.name() + " channel " + ch + ": " + distinct);
        }
      }
    }
    // sharing changed the model: the per-layer error statistics of the approximate multiplier differ
    assertFalse(evaluate(model, "--uniform", "s8x8_trunc4").get("evaluation").get("layers")
        .equals(inMemory.get("evaluation").get("layers")), "sharing left every layer's statistics unchanged");
  }

  @Test
  void theConfigFilesShareEntrySetsKPerLayerAndTheMemoryIsCounted() throws Exception {
    Path cfg = dir.resolve("a.json");
    Files.writeString(cfg, "{\"layers\": {}, \"share\": {\"granularity\": \"layer\", \"k\": {\"0\": 4, "
        + "\"/fc/Gemm\": 2}}}");
    JsonNode r = evaluate(model, "--config", cfg.toString());
    JsonNode s = r.get("sharing");
    assertEquals(2, s.get("layers").size());
    Model m = OnnxImporter.load(model);
    // hand count: stem 432 weights at 2 bits + 4 x 8-bit codebook, fc 640 at 1 bit + 2 x 8 bits, the rest 8 bits
    long rest = m.approximableLayers().stream().mapToLong(l -> ((Object) l instanceof ConvLayer c
        ? c.weights().length : 0)).sum() - 432;
    assertEquals(432 * 2 + 4 * 8 + 640 + 2 * 8 + rest * 8, s.get("bits").asLong());
    assertEquals(SharingMemory.of(m, new SharingPlan(ShareGranularity.LAYER, java.util.Map.of(
        "/stem_conv/Conv", 4, "/fc/Gemm", 2)), 8, false).bits(), s.get("bits").asLong());
  }

  @Test
  void badKIsOneLineNamingLayerAndValueAndWritesNothing() throws Exception {
    Path shared = dir.resolve("bad.onnx");
    StringWriter out = new StringWriter();
    assertEquals(2, run(new ShareCommand(), out, "--model", model.toString(), "--k", "28", "--granularity",
        "channel", "--out", shared.toString()));
    BadInputException e = assertInstanceOf(BadInputException.class, cli.failure());
    assertEquals("--k: layer '/stem_conv/Conv': share k = 28 must be in 1..27 (the weights in one channel group)",
        e.getMessage());
    assertFalse(Files.exists(shared) || Files.exists(dir.resolve("bad.preprocess.json")));
    assertEquals(2, run(new ShareCommand(), out, "--model", model.toString(), "--k", "0", "--out",
        shared.toString()));
    assertEquals("--k: 0 must be an integer >= 1", cli.failure().getMessage());
    Path cfg = dir.resolve("k.json");
    Files.writeString(cfg, "{\"layers\": {}, \"share\": {\"k\": {\"/fc/Gemm\": 2.5}}}");
    assertEquals(2, run(new ShareCommand(), out, "--model", model.toString(), "--config", cfg.toString(), "--out",
        shared.toString()));
    assertEquals(cfg + ": share: layer '/fc/Gemm': k = 2.5 must be an integer >= 1", cli.failure().getMessage());
    assertEquals(2, run(new EvaluateCommand(), out, "--model", model.toString(), "--data", "cifar10:"
        + TestData.cifarDir(), "--share", "kernel", "--share-k", "10"));
    assertEquals("--share-k: layer '/stem_conv/Conv': share k = 10 must be in 1..9 (the weights in one kernel "
        + "group)", cli.failure().getMessage());
    assertEquals(2, run(new EvaluateCommand(), out, "--model", model.toString(), "--data", "cifar10:"
        + TestData.cifarDir(), "--share-weighted"));
    assertEquals("--share-weighted needs --share-k K (or a \"share\" entry in the --config file)",
        cli.failure().getMessage());
    assertFalse(Files.exists(shared));
  }
}
