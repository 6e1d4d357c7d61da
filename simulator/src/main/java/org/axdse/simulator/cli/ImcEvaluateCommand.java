package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcConfig;
import org.axdse.simulator.imc.ImcCost;
import org.axdse.simulator.imc.ImcKnobs;
import org.axdse.simulator.imc.ImcNetwork;
import org.axdse.simulator.imc.ImcSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse imc evaluate}: top-1 of a per-layer IMC configuration against full-precision IMC (which equals the
 * exact integer engine), with energy and latency per image from the architecture's cost model.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Top-1, energy and latency of a per-layer IMC configuration against full-precision IMC.")
public final class ImcEvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "the ONNX model")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "SPEC", description = "the data set (its test split)")
  String data;

  @Option(names = "--config", paramLabel = "IMC.json", description = "per-layer configurations "
      + "{\"layers\": {\"LAYER\": \"pP-sS-aA\"}} (layers left out run at full precision), or the deploy.json "
      + "of an IMC search point (its quantization and architecture are replayed)")
  Path config;

  @Option(names = "--uniform", paramLabel = "pP-sS-aA", description = "one configuration for every layer")
  String uniform;

  @Option(names = "--sample", paramLabel = "N", description = "evaluate a fixed random sample of N images (seed 1,"
      + " Dataset.subset) instead of the first --limit ones (test files may be sorted by class)")
  Integer sample;

  @Mixin PreprocessOptions preprocess;

  @Mixin OutputFormat output;

  @Mixin QuantizationOptions options;

  @Mixin ImcArchOption arch;

  @Mixin ImcCompensateOption compensation;

  @Override
  public Integer call() {
    options.check();
    if (config != null && uniform != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give --config or --uniform, not both");
    }
    boolean json = output.check() == OutputFormat.Format.JSON;
    var deployment = ImcReplay.apply(config, spec, options, compensation);
    compensation.check();
    ImcArchitecture a = deployment != null ? deployment.arch(config) : arch.load();
    ImcTarget t = ImcTarget.load(model, data, preprocess, options);
    var assignment = config == null ? null : deployment != null ? deployment.assignment() : AssignmentJson.read(config);
    Dataset test = options.evaluationSet(t.data(), t.model());
    if (sample != null) {
      org.axdse.multipliers.util.Bounds.images("--sample", sample, 1);
      test = test.subset(Math.min(sample, test.size()), 1L);
    }
    ImcNetwork probe = new ImcNetwork(t.model(), options.config(), a);
    List<ImcKnobs> knobs = pick(assignment, t, probe);
    t = t.calibrated(options);
    try (Kernels k = Kernels.create(options.threads(), KernelMode.fromSystemProperty())) {
      ImcSession s = t.session(test, a, k);
      compensation.apply(s, options, t.data());
      ImcNetwork net = s.network();
      int[] all = s.all();
      double full = s.top1(s.logits(new LayerDataflow[knobs.size()], all), all);
      double top1 = s.top1(knobs, all);
      print(json, t, test, net, knobs, full, top1);
    }
    return 0;
  }

  private List<ImcKnobs> pick(org.axdse.simulator.assign.Assignment assignment, ImcTarget t, ImcNetwork net) {
    if (assignment != null) {
      return ImcConfig.knobs(assignment, t.model(), net, config.toString());
    }
    if (uniform != null) {
      return ImcConfig.uniform(net, ImcKnobs.parse(uniform, "--uniform"), "--uniform");
    }
    return net.allFull();
  }

  private void print(boolean json, ImcTarget t, Dataset test, ImcNetwork net, List<ImcKnobs> knobs, double full,
      double top1) {
    PrintWriter out = spec.commandLine().getOut();
    ImcCost base = net.cost(net.allFull());
    ImcCost mine = net.cost(knobs);
    ObjectNode root = new ObjectMapper().createObjectNode().put("model", t.model().name()).put("images",
        test.size()).put("architecture", net.architecture().name()).put("compensate", compensation.compensate)
        .put("biasOrder", compensation.biasOrder)
        .put("biasImages", net.biasCorrection() == null ? 0 : net.biasCorrection().images())
        .put("fullPrecisionTop1", full).put("top1", top1)
        .put("energyPjPerImage", mine.energyPj()).put("fullEnergyPjPerImage", base.energyPj())
        .put("latencyCyclesPerImage", mine.latencyCycles()).put("fullLatencyCyclesPerImage", base.latencyCycles())
        .put("speedup", (double) base.latencyCycles() / mine.latencyCycles())
        .put("energySaving", base.energyPj() / mine.energyPj());
    ArrayNode rows = root.putArray("layers");
    var layers = t.model().approximableLayers();
    for (int i = 0; i < knobs.size(); i++) {
      ImcCost c = net.cost(i, knobs.get(i));
      rows.addObject().put("name", layers.get(i).name()).put("config", knobs.get(i) == null ? null
          : knobs.get(i).name()).put("energyPj", c.energyPj()).put("latencyCycles", c.latencyCycles());
    }
    if (json) {
      out.println(root.toPrettyString());
    } else {
      out.printf(Locale.ROOT, "model %s, %d images, %s (full ADC %d bits)%n", t.model().name(), test.size(),
          net.architecture().name(), net.architecture().fullAdcBits());
      if (net.biasCorrection() != null) {
        out.printf(Locale.ROOT, "bias correction measured on %d calibration images (%s order)%n",
            net.biasCorrection().images(), compensation.biasOrder);
      }
      out.printf(Locale.ROOT, "top-1: full-precision IMC %.2f%%, this configuration %.2f%% (drop %.2f points)%n",
          100 * full, 100 * top1, 100 * (full - top1));
      out.printf(Locale.ROOT, "latency %,d cycles/image (full %,d): %.2fx faster; energy %.1f nJ/image (full %.1f):"
          + " %.2fx lower%n", mine.latencyCycles(), base.latencyCycles(), (double) base.latencyCycles()
          / mine.latencyCycles(), mine.energyPj() / 1e3, base.energyPj() / 1e3, base.energyPj() / mine.energyPj());
      for (int i = 0; i < knobs.size(); i++) {
        ImcCost c = net.cost(i, knobs.get(i));
        out.printf(Locale.ROOT, "  %-44s %-10s %12.1f nJ %,14d cycles%n", layers.get(i).name(),
            knobs.get(i) == null ? "digital" : knobs.get(i).name(), c.energyPj() / 1e3, c.latencyCycles());
      }
    }
    out.flush();
  }
}
