package org.axdse.explorer.pick;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.ImcOptions;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.imc.ImcQuantization;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunConfig;
import org.axdse.results.run.RunDirectory;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.imc.ImcConfig;
import org.axdse.simulator.imc.ImcCost;
import org.axdse.simulator.imc.ImcDeployment;
import org.axdse.simulator.imc.ImcKnobs;
import org.axdse.simulator.imc.ImcNetwork;
import org.axdse.simulator.imc.ImcSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * {@code axdse pick} on a {@code --target imc} run: picks a front point as for multipliers ({@link FrontPicker};
 * energy is the IMC energy), and writes an {@link ImcDeployment} ({@code deploy.json}, format {@value
 * ImcDeployment#FORMAT}) with the run's quantization and architecture and one configuration per mapped layer.
 * With {@code --verify}, quantizes as the search did and measures the point and full-precision IMC on the test
 * split (the first {@code --limit} images, as {@code axdse imc evaluate --limit} takes them), so
 * {@code imc evaluate --config deploy.json} must print the same figures.
 */
final class ImcDeployWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImcDeployWriter() {}

  /** True when the run in {@code runDir} searched the IMC target. */
  static boolean targets(Path runDir) {
    RunDirectory dir = RunDirectory.of(runDir);
    return Files.isRegularFile(dir.file(RunDirectory.CONFIG))
        && "imc".equals(dir.read().config().settings().get("target"));
  }

  static DeployWriter.Result write(Path runDir, Constraint constraint, DeployWriter.Options o) {
    if (o.retrain() != null || !o.library().isEmpty()) {
      throw new BadInputException(runDir + ": an IMC run's point is deployed as configurations; --retrain and "
          + "--library make no sense for it");
    }
    RunDirectory dir = RunDirectory.of(runDir);
    Run run = dir.read();
    RunConfig rc = run.config();
    Path runJson = dir.file(RunDirectory.CONFIG);
    QuantOptions qo;
    ImcOptions imc;
    try {
      qo = QuantOptions.fromMap(rc.settings());
      imc = qo.imc();
    } catch (IllegalArgumentException | ClassCastException e) {
      throw BadInputException.in(runJson, "run.settings: " + e.getMessage());
    }
    RunSettings settings = RunSettings.of(rc, runJson);
    Metric energy = o.energy() != null ? o.energy() : Metric.MULTIPLIER_ENERGY;
    List<EvaluatedPoint> all = new ArrayList<>(run.points());
    all.addAll(run.front());
    EvaluatedPoint exact = FrontPicker.exactPoint(all, rc.exactMultiplier());
    Pick pick = FrontPicker.pick(run.front(), exact, constraint, energy, dir.file(RunDirectory.FRONT_JSON));
    EvaluatedPoint p = pick.point();
    if (p.layerMultipliers().size() != rc.layers().size()) {
      throw BadInputException.in(dir.file(RunDirectory.FRONT_JSON), "point " + p.id() + " has "
          + p.layerMultipliers().size() + " configurations but the run has " + rc.layers().size() + " layers");
    }
    Map<String, String> layers = new LinkedHashMap<>();
    for (int i = 0; i < rc.layers().size(); i++) {
      layers.put(rc.layers().get(i), p.layerMultipliers().get(i));
    }
    Path modelFile = o.model() != null ? o.model() : Path.of(settings.model());
    if (!Files.isRegularFile(modelFile)) {
      throw BadInputException.in(modelFile, "model file not found (recorded in " + runJson
          + "; pass --model to point at it)");
    }
    String data = o.data() != null ? o.data() : settings.data();
    String quant = (String) rc.settings().getOrDefault("quant", "sym");
    ObjectNode selection = JSON.createObjectNode().put("run", runDir.toAbsolutePath().normalize().toString())
        .put("point", p.id()).put("constraint", constraint.kind().key()).put("limit", constraint.limit())
        .put("energy_metric", energy.key()).put("fidelity", pick.fidelity());
    ObjectNode expected = figures(pick.fidelity().equals("final") ? settings.finalImages() : settings.screeningImages(),
        pick.accuracy(), pick.referenceAccuracy(), p.multiplierEnergy(), p.latency());
    expected.put("split", pick.fidelity().equals("final") ? "test" : "train");
    JsonNode verified = null;
    if (o.verify()) {
      verified = verify(modelFile, o, data, quant, qo, imc, layers, o.threads(), o.progress());
    }
    ImcDeployment d = new ImcDeployment(modelFile.toAbsolutePath().normalize().toString(),
        DeployJson.sha256(modelFile), data, quant, qo.perChannel(), qo.weightBits(), qo.calibrationImages(),
        JSON.valueToTree(rc.settings().get("imc_arch")), layers, selection, expected, verified, imc.biasImages(),
        imc.biasOrder());
    Path out = (o.out() != null ? o.out() : runDir).resolve(DeployWriter.FILE);
    d.write(out);
    return new DeployWriter.Result(out, null, pick);
  }

  private static JsonNode verify(Path modelFile, DeployWriter.Options o, String data, String quant, QuantOptions qo,
      ImcOptions imc, Map<String, String> layers, int threads, ProgressListener progress) {
    Model model = OnnxImporter.load(modelFile);
    Preprocessing pre = o.preprocess() != null ? Preprocessing.load(o.preprocess())
        : !qo.preprocess().isEmpty() ? Preprocessing.load(Path.of(qo.preprocess()))
        : Preprocessing.requiredFor(modelFile);
    DatasetSpec spec = DatasetSpec.parse(data);
    Dataset test = spec.load(Split.TEST);
    if (o.limit() != null && o.limit() > 0) {
      test = test.limit(o.limit());
    }
    QuantConfig config = ImcQuantization.config(quant, qo.perChannel(), qo.weightBits(), qo.calibrationImages());
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      QuantizedModel q = ImcQuantization.calibrate(model, pre, spec, config, k);
      ImcSession s = new ImcSession(model, q, test, imc.arch(), k, 100);
      if (imc.compensates()) {
        s.correctBias(ImcQuantization.biasImages(spec, config, imc.biasImages()), imc.biasOrder());
      }
      ImcNetwork net = s.network();
      Map<String, LayerAssignment> a = new LinkedHashMap<>();
      layers.forEach((layer, c) -> a.put(layer, new LayerAssignment.Uniform(c)));
      List<ImcKnobs> knobs = ImcConfig.knobs(new Assignment(a), model, net, "the picked point");
      int[] images = s.all();
      double full = s.top1(s.logits(new LayerDataflow[knobs.size()], images), images);
      double top1 = s.top1(knobs, images);
      ImcCost base = net.cost(net.allFull());
      ImcCost mine = net.cost(knobs);
      ObjectNode v = figures(images.length, top1, full, mine.energyPj() / base.energyPj(),
          (double) mine.latencyCycles() / base.latencyCycles());
      v.put("split", "test").put("energy_pj_per_image", mine.energyPj())
          .put("latency_cycles_per_image", mine.latencyCycles());
      return v;
    }
  }

  private static ObjectNode figures(int images, double top1, double reference, double energy, double latency) {
    ObjectNode f = JSON.createObjectNode().put("images", images).put("top1", top1);
    if (Double.isNaN(reference)) {
      f.putNull("full_precision_top1");
    } else {
      f.put("full_precision_top1", reference);
    }
    f.put("energy", energy);
    if (Double.isNaN(latency)) {
      f.putNull("latency");
    } else {
      f.put("latency", latency);
    }
    return f;
  }

  /** The text summary of {@code axdse pick} for an IMC point. */
  static void print(java.io.PrintWriter out, DeployWriter.Result r) {
    Pick p = r.pick();
    ImcDeployment d = ImcDeployment.read(r.file());
    out.printf(java.util.Locale.ROOT, "picked point %d (%s): accuracy %.2f%% (%s)%s, energy %.4f, latency %.4f of "
        + "full-precision IMC%n", p.point().id(), p.constraint().kind().key() + " " + p.constraint().limit(),
        100 * p.accuracy(), p.fidelity(), Double.isNaN(p.referenceAccuracy()) ? ""
            : String.format(java.util.Locale.ROOT, ", %.2f points below full precision", p.drop()),
        p.point().multiplierEnergy(), p.point().latency());
    if (d.verified() != null && d.verified().isObject()) {
      JsonNode v = d.verified();
      out.printf(java.util.Locale.ROOT, "verified on %d test images: accuracy %.2f%% (full-precision IMC %.2f%%), "
          + "energy %.4f, latency %.4f%n", v.path("images").asInt(), 100 * v.path("top1").asDouble(),
          100 * v.path("full_precision_top1").asDouble(), v.path("energy").asDouble(), v.path("latency").asDouble());
    }
    out.println("wrote " + r.file());
    out.flush();
  }
}
