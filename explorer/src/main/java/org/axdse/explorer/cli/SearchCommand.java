package org.axdse.explorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.axdse.explorer.backend.FloatFormats;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.ShareOptions;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.cluster.Coordinator;
import org.axdse.explorer.encoding.Granularity;
import org.axdse.explorer.encoding.Restrictions;
import org.axdse.explorer.search.BackendFactory;
import org.axdse.explorer.search.Budget;
import org.axdse.explorer.search.ObjectiveSet;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.explorer.search.Seeding;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.cli.flags.QuietOption;
import org.axdse.multipliers.cli.flags.Terminal;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.engine.WidthSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code axdse search}: the overnight multi-objective search, or its continuation with {@code --resume}. */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Search multiplier assignments (NSGA-II) trading accuracy against energy; writes a run directory.")
public final class SearchCommand implements Callable<Integer> {
  static final int INTERRUPTED = 130;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "M", description = "The model to search for.")
  String model;
  @Option(names = "--data", paramLabel = "SPEC", description = "The evaluation data set.")
  String data;
  @Option(names = "--quant", paramLabel = "sym|asym", defaultValue = "sym", description = "Quantisation scheme.")
  String quant;
  @Option(names = "--library", paramLabel = "DIR", description = "Multiplier library directory (default: built-in).")
  String library;
  @Option(names = "--out", paramLabel = "RUN_DIR", description = "New run directory.")
  Path out;
  @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in RUN_DIR from its checkpoint.")
  Path resume;
  @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
  long seed;
  @Option(names = "--generations", paramLabel = "G", description = "Stop after G generations.")
  Integer generations;
  @Option(names = "--budget", paramLabel = "DURATION", description = "Stop after this much search time, e.g. 8h, 90m.")
  String budget;
  @Option(names = "--population", paramLabel = "P", defaultValue = "32", description = "Population size (even).")
  int population;
  @Option(names = "--granularity", defaultValue = "layer", description = "layer, kernel or group:G.")
  String granularity;
  @Option(names = "--restrict", paramLabel = "LAYER=M1,M2|FILE.json", description = "Per-layer library restriction.")
  List<String> restrict = List.of();
  @Option(names = "--objectives", defaultValue = "accuracy,energy", description = "accuracy,energy[,area][,types].")
  String objectives;
  @Option(names = "--energy", defaultValue = "multiplier", description = "multiplier or system energy.")
  String energy;
  @Option(names = "--max-accuracy-drop", paramLabel = "P", description = "Constraint: at most P points below exact.")
  Double maxAccuracyDrop;
  @Option(names = "--threads", paramLabel = "T", description = "Evaluation threads (default: all cores).")
  Integer threads;
  @Option(names = "--eval-images", paramLabel = "N", defaultValue = "1000", description = "Screening subset size.")
  int evalImages;
  @Option(names = "--final-images", paramLabel = "M", defaultValue = "0", description = "Final fidelity (0: all).")
  int finalImages;
  @Option(names = "--final-extra", paramLabel = "N", defaultValue = "32",
      description = "Also evaluate at final fidelity the N feasible points outside the archive that screened "
          + "nearest it, so a front of points that screened lucky cannot hide the truly good ones; 0: the archive "
          + "only (default: ${DEFAULT-VALUE}).")
  int finalExtra;
  @Option(names = "--init", paramLabel = "uniform|allocation", defaultValue = "uniform",
      description = "Generation 0: uniform (all-exact, uniform and random genomes) or allocation (also Lagrangian "
          + "allocations from every design measured alone in its layer) (default: ${DEFAULT-VALUE}).")
  String init;

  @Option(names = "--baselines", defaultValue = "uniform,random,greedy", description = "Baselines to run, or none.")
  String baselines;
  @Option(names = "--calib", paramLabel = "N", defaultValue = "500",
      description = "Calibration images, drawn with seed 1 (default ${DEFAULT-VALUE}).")
  int calib;
  @Option(names = "--calib-method", paramLabel = "M", defaultValue = "percentile",
      description = "Activation ranges: minmax, percentile (99.99) or mse, as evaluate takes them "
          + "(default ${DEFAULT-VALUE}; not with --target imc).")
  String calibMethod;
  @Option(names = "--calib-data", paramLabel = "SPEC|holdout",
      description = "Calibration source: a data set whose train split is used, or holdout (test images kept out "
          + "of the evaluation). Default: the train split of --data.")
  String calibData;
  @Option(names = "--weight-bits", paramLabel = "N[,N...]", defaultValue = "8",
      description = "Weight bits, 2..8; several (e.g. 4,6,8): each layer takes the width of its 8xN multiplier.")
  String weightBits;
  @Option(names = "--share", paramLabel = "GRANULARITY", description = "Weight sharing as a gene: one codebook "
      + "per layer, channel (output channel) or kernel (2-D kernel); needs --share-k (default: layer).")
  String share;
  @Option(names = "--share-k", paramLabel = "K[,K...]", description = "The k (shared values per group) a layer "
      + "may choose beside unshared weights, e.g. 2,4,8,16,32,64; with its multiplier in one gene.")
  String shareK;
  @Option(names = "--number-formats", paramLabel = "FMT[,FMT...]",
      description = "Float formats (e.g. e4m3,e3m4) whose multipliers layers may use beside the integer ones; "
          + "each layer's number format follows its multiplier (needs --granularity layer).")
  String numberFormats;
  @Option(names = "--per-channel", description = "One weight scale per output channel.")
  boolean perChannel;
  @Option(names = "--recalibrate", description = "Calibrate afresh even when the model has a recorded quantization "
      + "beside it (M.quantization.json, written by retraining and compensate --out); pick follows the run.")
  boolean recalibrate;
  @Option(names = "--preprocess", paramLabel = "FILE",
      description = "Preprocessing sidecar (default: M.preprocess.json next to the model).")
  String preprocess;
  @Option(names = "--compensate", paramLabel = "none|bias|weights|both", defaultValue = "none",
      description = "Compensate each candidate's multiplier error before evaluating it: bias correction, ALWANN "
          + "weight tuning, or both (measured once on the calibration images; default: ${DEFAULT-VALUE}).")
  String compensate;
  @Option(names = "--backend", defaultValue = "local", description = "Where to evaluate: local or hazelcast.")
  String backend;
  @Option(names = "--coordinator-threads", paramLabel = "T", defaultValue = "0",
      description = "With hazelcast: candidates the coordinator evaluates itself beside the workers (default 0).")
  int coordinatorThreads;
  @Option(names = "--task-timeout", paramLabel = "S", defaultValue = "600",
      description = "With hazelcast: seconds before a candidate still running on a live worker is resubmitted.")
  int taskTimeout;
  @Mixin ClusterFlags cluster;
  @Mixin ImcSearchFlags imc;
  @Mixin SurrogateFlags surrogate;
  @Mixin OutputFormat output;

  @Mixin QuietOption quiet;
  @Mixin SpeedFlags speed;
  @Mixin PrecisionFlags precision;

  private final ProblemFactory factory;
  private final PrintStream console;

  public SearchCommand() {
    this(EngineBinding.standard(), System.err);
  }

  /** A command that loads problems with {@code factory} and prints progress to {@code console}. */
  public SearchCommand(ProblemFactory factory, PrintStream console) {
    this.factory = factory;
    this.console = console;
  }

  @Override
  public Integer call() {
    Integer t = threads == null ? null : Bounds.threads("--threads", threads);
    if (maxAccuracyDrop != null && maxAccuracyDrop.isNaN()) {
      throw new BadInputException("--max-accuracy-drop must be a number of points in [0, 100], not NaN");
    }
    output.check();
    Progress progress = quiet.quiet() ? Progress.silent()
        : new Progress(console, console == System.err && Terminal.stderr());
    SearchRunner runner = new SearchRunner(speed.apply(factory), progress, backends());
    StopSignal stop = new StopSignal();
    Thread hook = new Thread(() -> {
      stop.requestStop();
      stop.awaitFinished(300);
    }, "axdse-search-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      SearchRunner.Outcome outcome = resume != null
          ? runner.resume(resume, resumeBudget(), t, stop)
          : runner.start(settings(t), out, stop);
      RunSummary.print(spec.commandLine().getOut(), output, resume != null ? resume : out,
          outcome == SearchRunner.Outcome.COMPLETE, null);
      return outcome == SearchRunner.Outcome.COMPLETE ? 0 : INTERRUPTED;
    } finally {
      stop.finished();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the run has finished
      }
    }
  }

  private BackendFactory backends() {
    switch (backend) {
      case "local" -> {
        for (String name : ClusterFlags.NAMES) {
          if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
            throw new BadInputException(name + " needs --backend hazelcast");
          }
        }
        return BackendFactory.local();
      }
      case "hazelcast" -> {
        if (speed.earlyStop) {
          throw new BadInputException("--early-stop: the hazelcast backend screens every candidate in full (early "
              + "stopping runs in the local backend only)");
        }
        try {
          return new Coordinator(cluster.options(), coordinatorThreads, taskTimeout);
        } catch (IllegalArgumentException e) {
          throw new BadInputException(e.getMessage());
        }
      }
      default -> throw new BadInputException("--backend must be local or hazelcast, not '" + backend + "'");
    }
  }

  private SearchSettings settings(Integer t) {
    if (out == null || model == null || data == null) {
      throw new BadInputException("axdse search needs --model, --data and --out (or --resume RUN_DIR)");
    }
    try {
      SearchSettings.Builder b = SearchSettings.builder().setModel(model).setData(data)
          .optQuant(quant).optLibrary(library).optSeed(seed).optPopulation(population)
          .optGranularity(Granularity.parse(granularity)).optRestrictions(Restrictions.parse(restrict))
          .optObjectives(ObjectiveSet.parse(imc.objectives(spec, objectives), energy))
          .optMaxAccuracyDrop(SearchSettings.accuracyDropFlag(maxAccuracyDrop))
          .optScreeningImages(evalImages).optFinalImages(finalImages)
          .optFinalExtra(finalExtra).optQuantization(quantOptions()).optSurrogate(surrogate.options()).optInit(Seeding.parse(init))
          .optBaselines(baselines.equals("none") ? List.of()
              : Arrays.stream(baselines.split(",")).map(String::strip).toList());
      if (generations != null) {
        b.setGenerations(positive("--generations", generations));
      }
      if (budget != null) {
        b.setTimeBudget(Budget.parseDuration(budget));
      }
      if (t != null) {
        b.optThreads(t);
      }
      return b.build();
    } catch (BadInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private QuantOptions quantOptions() {
    WidthSet widths = WidthSet.parse(weightBits, "--weight-bits");
    ShareOptions sharing = ShareOptions.parse(share, shareK);
    if (sharing != null && Granularity.parse(granularity).perChannel()) {
      throw new BadInputException("--share: k is chosen per layer; use --granularity layer, not " + granularity);
    }
    List<String> formats = FloatFormats.parse(numberFormats, "--number-formats");
    if (!formats.isEmpty() && Granularity.parse(granularity).perChannel()) {
      throw new BadInputException("--number-formats " + numberFormats + " needs --granularity layer, not "
          + granularity + " (a float multiplier is its layer's only multiplier)");
    }
    if (!formats.isEmpty() && sharing != null) {
      throw new BadInputException("--number-formats cannot be combined with --share");
    }
    return new QuantOptions(calib, calibData, widths.max(), perChannel, preprocess).withCompensate(compensate)
        .withWidths(widths.widths()).withShare(sharing).withNumberFormats(formats)
        .withImc(imc.options(spec, granularity)).withPrecision(precision.label()).withRecalibrate(recalibrate)
        .withCalibrationMethod(calibMethod);
  }

  private Budget resumeBudget() {
    imc.refuseOnResume(spec);
    for (String name : List.of("--model", "--data", "--quant", "--library", "--out", "--seed", "--population",
        "--granularity", "--restrict", "--objectives", "--energy", "--max-accuracy-drop", "--eval-images",
        "--final-images", "--baselines", "--calib", "--calib-data", "--weight-bits", "--per-channel",
        "--preprocess", "--compensate", "--surrogate", "--surrogate-factor", "--share", "--share-k",
        "--number-formats", "--surrogate-rounds", "--weight-rounding", "--share-codebook", "--share-refit-rounds",
        "--init", "--final-extra", "--recalibrate", "--calib-method")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
        throw new BadInputException("--resume takes the run's settings from its checkpoint; " + name
            + " cannot be changed (only --generations, --budget and --threads)");
      }
    }
    if (generations == null && budget == null) {
      return null;
    }
    try {
      return new Budget(generations == null ? 0 : positive("--generations", generations),
          budget == null ? null : Budget.parseDuration(budget));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private static int positive(String flag, int v) {
    if (v < 1) {
      throw new BadInputException(flag + " must be >= 1: " + v);
    }
    return v;
  }
}
