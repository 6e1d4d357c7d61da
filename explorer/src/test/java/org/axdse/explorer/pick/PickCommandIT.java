package org.axdse.explorer.pick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.Baseline;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Objective;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunConfig;
import org.axdse.results.run.RunDirectory;
import org.axdse.results.run.Timings;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.cli.EvaluateCommand;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.SharedCifar;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code axdse pick} end to end on the shared CIFAR-10 ResNet-20: a run directory whose points were really
 * evaluated by the engine (24 calibration images, the first 40 test images as final fidelity), then pick
 * {@code --verify --limit 40} ->
 * deploy.json -> {@code axdse evaluate --config deploy.json}, which must reproduce the front's accuracy exactly.
 */
class PickCommandIT {
  static final String EXACT = "s8x8_exact_bw";
  static final int IMAGES = 40;

  @TempDir static Path tmp;
  static Path model;
  static Path runDir;
  static String data;
  static List<EvaluatedPoint> points = new ArrayList<>();

  @BeforeAll
  static void evaluateARun() throws Exception {
    model = tmp.resolve("resnet20.onnx");
    Files.copy(cifarDir().resolve("resnet20.onnx"), model);
    Files.copy(Path.of("src/test/resources/resnet20.preprocess.json"), tmp.resolve("resnet20.preprocess.json"));
    data = "cifar10:" + cifarDir();
    Model m = OnnxImporter.load(model);
    DatasetSpec spec = DatasetSpec.parse(data);
    QuantConfig qc = QuantConfig.defaults(QuantMode.SYMMETRIC).withCalibration(24, CalibrationMethod.PERCENTILE);
    QuantizedModel q;
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      q = Calibration.run(m, Preprocessing.forModel(model).orElseThrow(),
          spec.load(Split.TRAIN).subset(24, qc.calibrationSeed()), qc, k);
    }
    Dataset test = spec.load(Split.TEST).limit(IMAGES);
    List<String> layers = m.approximableLayers().stream().map(l -> l.name()).toList();
    List<List<String>> perLayer = new ArrayList<>();
    perLayer.add(layers.stream().map(l -> EXACT).toList());
    perLayer.add(layers.stream().map(l -> "s8x8_trunc4").toList());
    perLayer.add(layers.stream().map(l -> "s8x8_trunc6").toList());
    perLayer.add(layers.stream().map(l -> layers.indexOf(l) % 2 == 0 ? "s8x8_trunc6" : EXACT).toList());
    try (SimulationSession s = SimulationSession.open(m, q, test, MultiplierCatalog.builtin(),
        SessionOptions.defaults().withThreads(2).withFloatReference(false).withLayerStatistics(false))) {
      for (List<String> names : perLayer) {
        Assignment a = new Assignment(new java.util.LinkedHashMap<>());
        for (int i = 0; i < layers.size(); i++) {
          a = a.with(layers.get(i), new LayerAssignment.Uniform(names.get(i)));
        }
        points.add(point(points.size(), names, List.of(), s.evaluate(a)));
      }
      // A per-channel point: every layer alternates trunc6 and trunc4 over its output channels.
      List<List<String>> channels = new ArrayList<>();
      Assignment a = Assignment.allExact();
      for (int i = 0; i < layers.size(); i++) {
        int n = switch (m.approximableLayers().get(i)) {
          case ConvLayer c -> c.outC();
          case DenseLayer d -> d.outFeatures();
          default -> throw new IllegalStateException();
        };
        List<String> ch = new ArrayList<>();
        for (int c = 0; c < n; c++) {
          ch.add(c % 2 == 0 ? "s8x8_trunc6" : "s8x8_trunc4");
        }
        channels.add(ch);
        a = a.with(layers.get(i), new LayerAssignment.PerChannel(ch));
      }
      points.add(point(points.size(), layers.stream().map(l -> "s8x8_trunc6").toList(), channels,
          s.evaluate(a)));
    }
    RunConfig config = new RunConfig(7, model.toString(), data,
        List.of(Objective.of(Metric.ACCURACY), Objective.of(Metric.MULTIPLIER_ENERGY)), EXACT, List.of(), layers,
        Map.of("model", model.toString(), "data", data, "quant", "sym", "calib", 24, "final_images", IMAGES,
            "eval_images", IMAGES));
    List<EvaluatedPoint> front = Run.nonDominated(config, points);
    runDir = tmp.resolve("run");
    RunDirectory.of(runDir).write(new Run(config, points, front, List.of(),
        List.of(new Baseline("uniform", points.subList(0, 3), Double.NaN)), Timings.none()));
  }

  static EvaluatedPoint point(int id, List<String> layers, List<List<String>> channels, Evaluation e) {
    double acc = e.assignment().top1();
    return new EvaluatedPoint(id, 1, new int[0], layers, channels, acc, acc, e.multiplierEnergy(),
        e.systemEnergy(), Double.NaN, (int) Stream.concat(layers.stream(), channels.stream().flatMap(List::stream))
            .distinct().count());
  }

  @Test
  void pickThenEvaluateReproducesTheFrontAccuracyExactly() throws Exception {
    Map<String, byte[]> before = snapshot(runDir);
    Result r = run(new PickCommand(), runDir.toString(), "--max-accuracy-drop", "100", "--verify", "--limit",
        String.valueOf(IMAGES), "--threads", "2");
    assertEquals(0, r.code, () -> String.valueOf(r.failure));
    // Every point is within 100 points; the lowest-energy point of the front is the pick.
    List<EvaluatedPoint> front = RunDirectory.of(runDir).readFront();
    EvaluatedPoint cheapest = front.stream().min(java.util.Comparator.comparingDouble(
        EvaluatedPoint::multiplierEnergy)).orElseThrow();
    Path file = runDir.resolve("deploy.json");
    DeployConfig d = DeployJson.read(file);
    assertEquals(cheapest.id(), d.selection().pointId());
    assertEquals(cheapest.finalAccuracy(), d.expected().accuracy());
    assertEquals(points.get(0).finalAccuracy(), d.expected().exactAccuracy(), "measured from the exact point");
    assertEquals(IMAGES, d.expected().images());
    assertNotNull(d.verified());
    assertEquals(d.expected().accuracy(), d.verified().accuracy(), "search and re-evaluation agree exactly");
    assertEquals(d.expected().multiplierEnergy(), d.verified().multiplierEnergy());
    assertEquals(DeployJson.sha256(model), d.model().sha256());

    Result e = run(new EvaluateCommand(), "--config", file.toString(), "--format", "json", "--threads", "2",
        "--no-float", "--no-layer-stats");
    assertEquals(0, e.code, () -> String.valueOf(e.failure));
    JsonNode ev = new ObjectMapper().readTree(e.out).get("evaluation");
    assertEquals(IMAGES, ev.get("images").asInt());
    assertEquals(d.expected().accuracy(), ev.get("assignment").get("top1").asDouble(), "bit-identical replay");
    assertEquals(d.expected().multiplierEnergy(), ev.get("multiplierEnergy").asDouble());
    assertEquals(points.get(0).finalAccuracy(), ev.get("exactQuantized").get("top1").asDouble());

    Map<String, byte[]> after = snapshot(runDir);
    after.keySet().removeIf(k -> k.equals("deploy.json") || k.startsWith("deploy/"));
    assertEquals(0, after.remove(org.axdse.multipliers.util.RunLock.FILE).length, "the pick's lock, released");
    assertEquals(before.keySet(), after.keySet(), "the run's files are untouched");
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
  }

  /**
   * A run searched with {@code --compensate both}: its points were evaluated compensated; pick records the
   * compensation in deploy.json, --verify re-evaluates compensated, and evaluate --config replays it exactly.
   */
  @Test
  void compensatedRunRoundTripsThroughDeployJson() throws Exception {
    Model m = OnnxImporter.load(model);
    DatasetSpec spec = DatasetSpec.parse(data);
    QuantConfig qc = QuantConfig.defaults(QuantMode.SYMMETRIC).withCalibration(24, CalibrationMethod.PERCENTILE);
    Dataset calib = spec.load(Split.TRAIN).subset(24, qc.calibrationSeed());
    List<String> layers = m.approximableLayers().stream().map(l -> l.name()).toList();
    List<EvaluatedPoint> compensated = new ArrayList<>();
    double uncompensated;
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      QuantizedModel q = Calibration.run(m, Preprocessing.forModel(model).orElseThrow(), calib, qc, k);
      var cache = org.axdse.simulator.compensation.CompensationCache.open(m, q, MultiplierCatalog.builtin(), calib,
          org.axdse.simulator.compensation.CompensationMethod.WEIGHTS_AND_BIAS, k);
      try (SimulationSession s = SimulationSession.open(m, q, spec.load(Split.TEST).limit(IMAGES),
          MultiplierCatalog.builtin(), SessionOptions.defaults().withThreads(2).withFloatReference(false)
              .withLayerStatistics(false))) {
        compensated.add(point(0, layers.stream().map(l -> EXACT).toList(), List.of(),
            s.evaluate(Assignment.allExact())));
        Assignment a = Assignment.uniform(layers, "s8x8_bam_h2v5");
        uncompensated = s.evaluate(a).assignment().top1();
        compensated.add(point(1, layers.stream().map(l -> "s8x8_bam_h2v5").toList(), List.of(),
            s.evaluate(a, cache.compute(a).applyTo(q))));
      }
    }
    assertTrue(compensated.get(1).finalAccuracy() != uncompensated, "compensation changes this point");
    RunConfig config = new RunConfig(7, model.toString(), data,
        List.of(Objective.of(Metric.ACCURACY), Objective.of(Metric.MULTIPLIER_ENERGY)), EXACT, List.of(), layers,
        Map.of("model", model.toString(), "data", data, "quant", "sym", "calib", 24, "final_images", IMAGES,
            "eval_images", IMAGES, "compensate", "both"));
    Path dir = tmp.resolve("run-compensated");
    RunDirectory.of(dir).write(new Run(config, compensated, Run.nonDominated(config, compensated), List.of(),
        List.of(), Timings.none()));
    Result r = run(new PickCommand(), dir.toString(), "--max-energy", "0.9", "--verify", "--limit",
        String.valueOf(IMAGES), "--threads", "2", "--format", "json", "--quiet");
    assertEquals(0, r.code, () -> String.valueOf(r.failure));
    DeployConfig d = DeployJson.read(dir.resolve("deploy.json"));
    assertEquals(1, d.selection().pointId());
    JsonNode printed = new ObjectMapper().readTree(r.out);
    assertEquals(1, printed.get("pick").get("point").asInt(), "stdout is one JSON document naming the pick");
    assertEquals(compensated.get(1).finalAccuracy(), printed.get("pick").get("accuracy").asDouble());
    assertEquals(new ObjectMapper().readTree(dir.resolve("deploy.json").toFile()), printed.get("deploy"),
        "it carries deploy.json as written");
    assertNotNull(d.compensation());
    assertEquals("both", d.compensation().get("method").asText());
    assertEquals(d.expected().accuracy(), d.verified().accuracy(), "verified compensated, like the search");
    Result e = run(new EvaluateCommand(), "--config", dir.resolve("deploy.json").toString(), "--format", "json",
        "--threads", "2", "--no-float", "--no-layer-stats");
    assertEquals(0, e.code, () -> String.valueOf(e.failure));
    JsonNode ev = new ObjectMapper().readTree(e.out).get("evaluation");
    assertEquals(d.expected().accuracy(), ev.get("assignment").get("top1").asDouble(), "bit-identical replay");
  }

  @Test
  void verilogIsWrittenAndReimportsToTheSameTables() throws Exception {
    Path out = tmp.resolve("deploy-energy");
    Result r = run(new PickCommand(), runDir.toString(), "--max-energy", "1", "--out", out.toString(),
        "--threads", "2");
    assertEquals(0, r.code, () -> String.valueOf(r.failure));
    DeployConfig d = DeployJson.read(out.resolve("deploy.json"));
    assertTrue(d.verified() == null, "no --verify, no verified figures");
    assertFalse(d.multipliers().isEmpty());
    for (DeployConfig.MultiplierFile f : d.multipliers()) {
      assertEquals("verilog", f.kind(), "built-in designs have netlists");
      assertEquals("deploy/verilog/" + f.name() + ".v", f.file());
      var back = MultiplierFiles.read(out.resolve(f.file()));
      assertEquals(f.name(), back.name());
      assertEquals(MultiplierCatalog.builtin().byName(f.name()).table(), back.table(), f.name());
      assertTrue(Files.isRegularFile(out.resolve("deploy/adapt/" + f.name() + ".h")), f.name());
    }
    // the script beside deploy.json names every layer of its assignment
    assertTrue(r.out.contains("deploy/load_tables.py"), r.out);
    String script = Files.readString(out.resolve("deploy/load_tables.py"));
    assertTrue(d.assignment().get("layers").size() > 0);
    d.assignment().get("layers").fieldNames()
        .forEachRemaining(layer -> assertTrue(script.contains("\"" + layer + "\": "), layer));
  }

  @Test
  void changedModelIsOneLineError() throws Exception {
    Path out = tmp.resolve("deploy-hash");
    assertEquals(0, run(new PickCommand(), runDir.toString(), "--max-accuracy-drop", "100", "--out",
        out.toString(), "--threads", "2").code);
    Path changed = tmp.resolve("changed/resnet20.onnx");
    Files.createDirectories(changed.getParent());
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 1;
    Files.write(changed, bytes);
    Result e = run(new EvaluateCommand(), "--config", out.resolve("deploy.json").toString(), "--model",
        changed.toString(), "--threads", "2");
    assertEquals(2, e.code);
    assertInstanceOf(BadInputException.class, e.failure);
    assertTrue(e.failure.getMessage().startsWith(out.resolve("deploy.json") + ": model " + changed
        + " has changed since this deploy config was written"), e.failure.getMessage());
    assertEquals(1, e.failure.getMessage().lines().count());
  }

  @Test
  void noQualifyingPointIsOneLineAndWritesNothing() {
    Path out = tmp.resolve("deploy-none");
    double least = points.stream().mapToDouble(EvaluatedPoint::multiplierEnergy).min().orElseThrow();
    Result r = run(new PickCommand(), runDir.toString(), "--max-energy", "0.001", "--out", out.toString());
    assertEquals(2, r.code);
    assertInstanceOf(BadInputException.class, r.failure);
    assertTrue(r.failure.getMessage().startsWith("no front point has multiplier_energy <= 0.001; the best "
        + "available is point "), r.failure.getMessage());
    assertTrue(r.failure.getMessage().contains(String.format(java.util.Locale.ROOT, "at %.4f", least)));
    assertFalse(Files.exists(out));
  }

  @Test
  void badRunDirectoryIsOneLine() throws Exception {
    Result r = run(new PickCommand(), tmp.resolve("nope").toString(), "--max-energy", "1");
    assertEquals(2, r.code);
    assertEquals(tmp.resolve("nope") + ": not a run directory", r.failure.getMessage());
    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken);
    for (String f : List.of("run.json", "points.json")) {
      Files.copy(runDir.resolve(f), broken.resolve(f));
    }
    Files.writeString(broken.resolve("front.json"), "{\"format_version\": 1, \"points\": [");
    r = run(new PickCommand(), broken.toString(), "--max-energy", "1");
    assertEquals(2, r.code);
    assertInstanceOf(BadInputException.class, r.failure);
    assertTrue(r.failure.getMessage().startsWith(broken.resolve("front.json") + ":"), r.failure.getMessage());
  }

  record Result(int code, String out, Exception failure) {}

  static Result run(Callable<Integer> command, String... args) {
    StringWriter out = new StringWriter();
    Exception[] failure = new Exception[1];
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      failure[0] = ex;
      return 2;
    });
    int code = cl.execute(args);
    return new Result(code, out.toString(), failure[0]);
  }

  static Map<String, byte[]> snapshot(Path dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  static Path cifarDir() {
    return SharedCifar.aboveWorkingDirectory().orElseThrow(() -> new IllegalStateException(
        "shared/cifar10 not found above " + Paths.get("").toAbsolutePath()));
  }
}
