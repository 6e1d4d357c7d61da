package org.axdse.explorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axdse.explorer.evolve.EvolveBench;
import org.axdse.explorer.evolve.EvolveInputs;
import org.axdse.explorer.evolve.LayerLosses;
import org.axdse.multipliers.cgp.CandidateError;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.cli.CalibratedOperands;
import org.axdse.simulator.cli.PreprocessOptions;
import org.axdse.simulator.cli.QuantizationOptions;
import org.axdse.simulator.engine.LayerOperands;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code axdse bench evolve}: candidate circuits evaluated per second under one layer's distribution. */
@Command(name = "evolve", mixinStandardHelpOptions = true,
    description = "CGP candidate circuits evaluated per second under one layer's operand distribution, and the "
        + "parts of one evaluation (one thread).")
public final class EvolveBenchCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "the ONNX model")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Option(names = "--data", required = true, paramLabel = "SPEC", description = "data set (calibration images)")
  String data;

  @Mixin QuantizationOptions options;

  @Option(names = "--layer", required = true, paramLabel = "L", description = "approximable layer: its name, or "
      + "its label A0, A1, ... of model show")
  String layer;

  @Option(names = "--generations", paramLabel = "N", description = "generations of the timed run (default: "
      + "${DEFAULT-VALUE})")
  long generations = 500;

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--measure", paramLabel = "M", description = "error of the timed run: mse (bound 1e-3) or loss "
      + "(the error model's predicted layer loss, as evolve --measure loss) (default: ${DEFAULT-VALUE})")
  String measure = "mse";

  @Option(names = "--bound", paramLabel = "E", description = "with --measure loss: the loss bound of the timed "
      + "run (default: ${DEFAULT-VALUE})")
  double bound = 2;

  @Option(names = "--sensitivity-images", paramLabel = "N", description = "with --measure loss: calibration "
      + "images of the sensitivity measurement (cached) (default: ${DEFAULT-VALUE})")
  int sensitivityImages = 256;

  @Mixin OutputFormat output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    output.check();
    CalibratedOperands.check(options);
    CalibratedOperands.refuseEvaluationFlags(spec.commandLine(), "bench evolve");
    if (generations < 1) {
      throw new BadInputException("--generations: must be >= 1, got " + generations);
    }
    boolean loss = "loss".equals(measure);
    if (!loss && !"mse".equals(measure)) {
      throw new BadInputException("--measure: expected mse or loss, got '" + measure + "'");
    }
    if (!(bound > 0) || !Double.isFinite(bound) || sensitivityImages < 1) {
      throw new BadInputException("--bound must be a finite number > 0, --sensitivity-images >= 1");
    }
    Model net = OnnxImporter.load(model);
    List<String> names = net.approximableLayers().stream().map(l -> l.name()).toList();
    int index = EvolveInputs.layers(names, List.of(layer), false, model.toString()).get(0);
    if (loss) {
      EvolveInputs.describable(net, List.of(index));
    }
    QuantizedModel q = CalibratedOperands.quantize(options, model, net, preprocess.forModel(model), data);
    LayerOperands ops = LayerOperands.of(net, q).get(index);
    CandidateError error = !loss ? null : LayerLosses.of(q, CalibratedOperands.sensitivity(options, model, net, q,
        data, sensitivityImages, 1), index, CalibratedOperands.format(options), true);
    EvolveBench.Result r = EvolveBench.run(ops, error, bound, generations, seed);
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (output.json()) {
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
          java.util.Map.of("result", r, "loadAverage", load)));
      return 0;
    }
    System.out.printf(Locale.ROOT, "layer %s: support %d of %d operand pairs (%.1f%%); error %s over %d pairs; "
        + "load average %.2f%n", r.layer(), r.support(), r.pairs(), 100.0 * r.support() / r.pairs(), r.measure(),
        r.stimulus(), load);
    for (EvolveBench.Run run : r.runs()) {
      System.out.printf(Locale.ROOT, "evolution (1+4), %s, %d generations: %d candidates in %.2f s wall, %.2f s "
          + "CPU: %.0f candidates/s%n", run.simulation(), run.generations(), run.evaluations(), run.wall(),
          run.cpu(), run.perSecond());
    }
    System.out.printf(Locale.ROOT, "same path both ways: %s; changed cone: %.0f%% of a mutant's active nodes on "
        + "average; speed-up %.2fx wall, %.2fx CPU%n", r.samePath() ? "yes" : "NO", 100 * r.coneShare(), r.runs().get(0).wall() / r.runs().get(1).wall(),
        r.runs().get(0).cpu() / r.runs().get(1).cpu());
    System.out.printf(Locale.ROOT, "%-36s %8s %10s %10s %12s%n", "part (200 simulated mutants)", "count", "wall s", "CPU s",
        "per second");
    for (EvolveBench.Part p : r.parts()) {
      System.out.printf(Locale.ROOT, "%-36s %8d %10.3f %10.3f %12.0f%n", p.name(), p.count(), p.wall(), p.cpu(),
          p.perSecond());
    }
    return 0;
  }
}
