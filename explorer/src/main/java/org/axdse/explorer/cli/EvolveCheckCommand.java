package org.axdse.explorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axdse.explorer.encoding.Restrictions;
import org.axdse.explorer.evolve.CheckReport;
import org.axdse.explorer.evolve.DesignCheck;
import org.axdse.explorer.evolve.DesignSelection;
import org.axdse.explorer.simulation.SpeedOptions;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.OutputPaths;
import org.axdse.multipliers.util.RunLock;
import org.axdse.simulator.cli.CalibratedOperands;
import org.axdse.simulator.cli.PreprocessOptions;
import org.axdse.simulator.cli.QuantizationOptions;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.predict.SimulatedLoss;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse evolve-check}: the simulated loss of an evolved library's designs, one layer approximate at a time
 * and compensated as the search compensates, beside the built-in designs they compete with; keeps the evolved
 * designs that beat every built-in design of equal or higher power and writes the search's restriction.
 */
@Command(name = "evolve-check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Simulate each evolved design of an evolve library (one layer approximate, compensated as the "
        + "search compensates) beside the built-in designs; keep those that beat the built-in designs (--keep); "
        + "write check.json and restrict.json for search --restrict.")
public final class EvolveCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "the ONNX model")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Option(names = "--data", required = true, paramLabel = "SPEC", description = "data set: the checked images "
      + "come from its --split (use calibration or selection images, not the test images the search verifies on)")
  String data;

  @Mixin QuantizationOptions options;

  @Option(names = "--images", paramLabel = "N", description = "images each design is simulated on, drawn with "
      + "--seed as the search draws its screening images (default: ${DEFAULT-VALUE})")
  int images = 500;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the image draw (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--compensate", paramLabel = "none|bias|weights|both", description = "compensation of each "
      + "one-layer assignment, as search --compensate (default: ${DEFAULT-VALUE})")
  String compensate = "both";

  @Option(names = "--restrict", paramLabel = "LAYER=M1,M2|FILE", description = "the built-in designs each layer "
      + "competes with, as search --restrict takes them (default: the layer's built-in front under the "
      + "evolution's figure, from evolve.json)")
  List<String> restrict = List.of();

  @Option(names = "--keep", paramLabel = "dearer|undominated", description = "which evolved designs the search "
      + "gets: dearer, those whose simulated loss is below every checked built-in design of equal or higher power; "
      + "undominated, those no checked built-in design of at most their power matches or beats (default: "
      + "${DEFAULT-VALUE})")
  String keep = "dearer";

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "new or empty directory for "
      + "check.json and restrict.json")
  Path out;

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    output.check();
    CalibratedOperands.check(options);
    if (images < 1) {
      throw new BadInputException("--images: must be >= 1, got " + images);
    }
    CompensationMethod method = compensate.equals("none") ? null : CompensationMethod.parse(compensate);
    if (method == null && !compensate.equals("none")) {
      throw new BadInputException("--compensate: expected none, bias, weights or both, got '" + compensate + "'");
    }
    DesignSelection.Rule rule = DesignSelection.Rule.parse(keep);
    if (rule == null) {
      throw new BadInputException("--keep: expected dearer or undominated, got '" + keep + "'");
    }
    List<Path> libraries = CalibratedOperands.libraries(options);
    if (libraries.size() != 1) {
      throw new BadInputException("--library: give the one evolved library to check (got " + libraries.size()
          + ")");
    }
    JsonNode manifest = DesignCheck.manifest(libraries.get(0));
    Map<String, List<String>> restriction = Restrictions.parse(restrict);
    OutputPaths.checkRunDirectory(out, p -> false);
    Model net = OnnxImporter.load(model);
    List<String> layers = net.approximableLayers().stream().map(l -> l.name()).toList();
    for (String l : restriction.keySet()) {
      if (!layers.contains(l)) {
        throw new BadInputException("--restrict: layer '" + l + "' is not an approximable layer of " + model);
      }
    }
    MultiplierCatalog catalog = CalibratedOperands.catalog(options);
    DesignCheck.check(manifest, layers, catalog, CalibratedOperands.format(options));
    var pre = preprocess.forModel(model);
    Dataset evalSet = CalibratedOperands.evaluationSet(options, data, net);
    try (RunLock lock = RunLock.acquire(out)) {
      long t0 = System.nanoTime();
      QuantizedModel q = CalibratedOperands.quantize(options, model, net, pre, data);
      CompensationCache cache = null;
      if (method != null) {
        try (Kernels k = Kernels.create(CalibratedOperands.threads(options), KernelMode.fromSystemProperty())) {
          cache = CompensationCache.open(net, q, catalog, CalibratedOperands.calibrationSet(options, data), method,
              k);
        }
      }
      DesignCheck.Result result;
      try (SimulationSession s = CalibratedOperands.session(options, net, q, evalSet)) {
        SimulatedLoss loss = new SimulatedLoss(s, cache, SimulatedLoss.images(s.size(), images, seed),
            SpeedOptions.DEFAULT_PREFIX_CACHE_BYTES);
        result = DesignCheck.run(manifest, layers, catalog, CalibratedOperands.format(options), restriction, rule, s,
            loss,
            CalibratedOperands.progress(options));
      }
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("model", model.toString());
      settings.put("data", data);
      settings.put("library", libraries.get(0).toString());
      settings.put("images", Math.min(images, evalSet.size()));
      settings.put("seed", seed);
      settings.put("compensation", compensate);
      settings.put("restrict", restrict);
      settings.put("keep", rule.label());
      settings.put("seconds", (System.nanoTime() - t0) / 1e9);
      CheckReport.write(out, result, settings);
      lock.commit();
      CheckReport.print(spec.commandLine().getOut(), output.json(), out, result, settings);
    }
    return 0;
  }
}
