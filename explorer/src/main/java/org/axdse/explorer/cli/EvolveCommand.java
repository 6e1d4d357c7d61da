package org.axdse.explorer.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axdse.explorer.evolve.EvolveInputs;
import org.axdse.explorer.evolve.EvolveReport;
import org.axdse.explorer.evolve.EvolveSettings;
import org.axdse.explorer.evolve.EvolvedLibrary;
import org.axdse.explorer.evolve.Evolver;
import org.axdse.explorer.evolve.LayerFront;
import org.axdse.explorer.evolve.LayerLosses;
import org.axdse.explorer.evolve.SeedDesigns;
import org.axdse.explorer.search.Budget;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cgp.CandidateEvaluator;
import org.axdse.multipliers.cgp.CompensatedLoss;
import org.axdse.multipliers.cgp.ErrorMeasure;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.RunLock;
import org.axdse.simulator.cli.CalibratedOperands;
import org.axdse.simulator.cli.PreprocessOptions;
import org.axdse.simulator.cli.QuantizationOptions;
import org.axdse.simulator.engine.LayerOperands;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code axdse evolve}: evolves layer-specific approximate multipliers with CGP under each layer's calibrated
 * operand distribution, and writes them as a library directory for {@code search --library}.
 */
@Command(name = "evolve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Evolve approximate multipliers for a model's layers (CGP under each layer's operand "
        + "distribution); writes a library directory for search --library.")
public final class EvolveCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "the ONNX model")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Option(names = "--data", required = true, paramLabel = "SPEC",
      description = "data set whose calibration images give the layers' operand distributions")
  String data;

  @Mixin QuantizationOptions options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--layer", paramLabel = "L[,L...]", split = ",", description = "approximable layer(s): names, "
        + "or the labels A0, A1, ... of model show")
    List<String> layers;

    @Option(names = "--all", description = "every approximable layer")
    boolean all;
  }

  @Option(names = "--out", required = true, paramLabel = "LIB", description = "library directory to write (new "
      + "or empty, unless --resume)")
  Path out;

  @Option(names = "--budget", paramLabel = "DURATION", description = "wall time of the whole evolution, e.g. 1h, "
      + "90m (shared equally by the runs)")
  String budget;

  @Option(names = "--generations", paramLabel = "N", description = "generations per run; reproducible from "
      + "--seed (default: 2000 without --budget, else no limit)")
  Long generations;

  @Option(names = "--bounds", paramLabel = "E[,E...]", split = ",", description = "error bounds, one run each per "
      + "layer (default: ${DEFAULT-VALUE})")
  List<Double> bounds = List.of(0.0001, 0.001, 0.01);

  @Option(names = "--measure", paramLabel = "M", description = "bounded error: mse or variance (over the mean "
      + "exact product squared), mae (over the mean absolute product), or loss (the error model's predicted logit "
      + "loss of the layer after weight tuning and bias correction) (default: ${DEFAULT-VALUE})")
  String measure = "mse";

  @Option(names = "--sensitivity-images", paramLabel = "N", description = "with --measure loss: calibration "
      + "images of the per-layer sensitivity measurement, as predict's (cached) (default: ${DEFAULT-VALUE})")
  int sensitivityImages = 256;

  @Option(names = "--seed-design", paramLabel = "best|NAME|FILE.v", description = "circuit every run starts from;"
      + " best: each run's cheapest circuit within its bound in its layer, among the built-in designs and those of "
      + "--library (default: ${DEFAULT-VALUE})")
  String seedDesign = "best";

  @Option(names = "--lambda", description = "mutants per generation (default: ${DEFAULT-VALUE})")
  int lambda = 4;

  @Option(names = "--mutations", paramLabel = "H", description = "most genes changed per mutant (default: "
      + "${DEFAULT-VALUE})")
  int mutations = 5;

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--tag", paramLabel = "TAG", description = "added to every design's name after the model's "
      + "(<format>_cgp_<model>_<TAG>_A<i>_...), so that designs of two evolutions of one model can be given to one "
      + "search; letters, digits and . + - (at most 32)")
  String tag;

  @Option(names = "--resume", description = "continue the evolution checkpointed in --out")
  boolean resume;

  @Option(names = "--checkpoint-every", hidden = true, paramLabel = "SECONDS",
      description = "seconds between a run's checkpoints (default: ${DEFAULT-VALUE})")
  int checkpointEvery = 20;

  @Mixin OutputFormat output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    output.check();
    CalibratedOperands.check(options);
    CalibratedOperands.refuseEvaluationFlags(spec.commandLine(), "evolve");
    ErrorMeasure m = ErrorMeasure.parse(measure);
    if (m == null) {
      throw new BadInputException("--measure: expected mse, variance, mae or loss, got '" + measure + "'");
    }
    if (sensitivityImages < 1) {
      throw new BadInputException("--sensitivity-images: must be >= 1, got " + sensitivityImages);
    }
    if (tag != null && !tag.matches("[A-Za-z0-9.+-]{1,32}")) {
      throw new BadInputException("--tag: letters, digits and . + - only, 1 to 32 of them, got '" + tag + "'");
    }
    EvolveSettings settings = settings(m);
    EvolveInputs.outputDirectory(out, resume);
    Model net = OnnxImporter.load(model);
    List<String> names = net.approximableLayers().stream().map(l -> l.name()).toList();
    List<Integer> chosen = EvolveInputs.layers(names, which.layers == null ? List.of() : which.layers, which.all,
        model.toString());
    MultiplierFormat format = CalibratedOperands.format(options);
    MultiplierCatalog catalog = CalibratedOperands.catalog(options);
    Multiplier start = EvolveInputs.seedDesign(seedDesign, catalog, format);
    SeedDesigns seeds = start != null ? SeedDesigns.of(start) : SeedDesigns.best(catalog.all(format).stream()
        .filter(x -> x.netlist() != null && BuiltinLibrary.byName(x.name()).isEmpty()).toList());
    if (m == ErrorMeasure.LOSS) {
      EvolveInputs.describable(net, chosen);
    }
    var pre = preprocess.forModel(model);
    try (RunLock lock = RunLock.acquire(out)) {
      QuantizedModel q = CalibratedOperands.quantize(options, model, net, pre, data);
      List<LayerOperands> all = LayerOperands.of(net, q);
      List<LayerOperands> layers = chosen.stream().map(all::get).toList();
      long t0 = System.nanoTime();
      List<CompensatedLoss> losses = m != ErrorMeasure.LOSS ? null : LayerLosses.of(q,
          CalibratedOperands.sensitivity(options, model, net, q, data, sensitivityImages, 1), chosen, format, true);
      String modelName = model.getFileName().toString().replaceFirst("\\.onnx$", "")
          + (tag == null ? "" : "_" + tag);
      List<LayerFront> fronts = Evolver.evolve(modelName, layers, chosen, losses, seeds, settings,
          out.resolve(EvolveInputs.CHECKPOINTS), CalibratedOperands.threads(options),
          CalibratedOperands.progress(options));
      double seconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> recorded = recorded(settings, start, seconds);
      EvolvedLibrary.removePrevious(out);
      EvolvedLibrary.write(out, fronts, layers, recorded);
      EvolveReport.print(System.out, output.json(), out, fronts, recorded);
    }
    return 0;
  }

  private EvolveSettings settings(ErrorMeasure m) {
    Duration time = null;
    if (budget != null) {
      try {
        time = Budget.parseDuration(budget);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--budget: " + e.getMessage());
      }
      if (time.isZero()) {
        throw new BadInputException("--budget: must be positive, got '" + budget + "'");
      }
    }
    if (generations != null && generations < 1) {
      throw new BadInputException("--generations: must be >= 1, got " + generations);
    }
    if (lambda < 1 || lambda > 64 || mutations < 1 || checkpointEvery < 1) {
      throw new BadInputException("--lambda must be 1..64, --mutations and --checkpoint-every >= 1");
    }
    for (double b : bounds) {
      if (!(b > 0) || !Double.isFinite(b)) {
        throw new BadInputException("--bounds: each bound must be a finite number > 0, got " + b);
      }
    }
    long gens = generations != null ? generations : time == null ? 2000 : 0;
    return new EvolveSettings(m, new ArrayList<>(bounds), lambda, mutations, 0, seed, gens, time,
        CandidateEvaluator.DEFAULT_STREAM_LENGTH, checkpointEvery);
  }

  private Map<String, Object> recorded(EvolveSettings s, Multiplier start, double seconds) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", model.toString());
    r.put("data", data);
    r.put("measure", s.measure().label());
    if (s.measure() == ErrorMeasure.LOSS) {
      r.put("compensation", "both");
      r.put("sensitivityImages", sensitivityImages);
    }
    r.put("bounds", s.thresholds());
    r.put("seed", s.seed());
    r.put("seedDesign", start == null ? "best" : start.name());
    if (tag != null) {
      r.put("tag", tag);
    }
    r.put("lambda", s.lambda());
    r.put("mutations", s.mutations());
    r.put("generations", s.generations());
    r.put("budget", s.budget() == null ? null : Budget.format(s.budget()));
    r.put("threads", CalibratedOperands.threads(options));
    r.put("seconds", seconds);
    return r;
  }
}
