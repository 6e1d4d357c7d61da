package org.axdse.explorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.encoding.Granularity;
import org.axdse.explorer.search.ObjectiveSet;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.cli.flags.QuietOption;
import org.axdse.multipliers.cli.flags.Terminal;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.report.RunReport;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code axdse demo} (also {@code axdse} without arguments): the main job on the bundled data. Searches per-layer
 * assignments of the built-in signed 8x8 multipliers for the bundled LeNet-5 on the bundled 2,000 Fashion-MNIST
 * test images, writes the run directory and its report, and prints where the report is. Calibration uses the train
 * split of the Debian {@code dataset-fashion-mnist} package when it is installed, else 200 bundled images held out
 * of the evaluation.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Search the bundled LeNet-5 on the bundled Fashion-MNIST images and write a report (a few minutes).")
public final class DemoCommand implements Callable<Integer> {
  static final String MODEL = "models/lenet5.onnx";
  static final String DATA = "data/fashion-mnist-test-2000";

  @Option(names = "--out", paramLabel = "RUN_DIR", description = "Run directory (default: runs/demo-TIMESTAMP).")
  Path out;
  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;
  @Option(names = "--generations", defaultValue = "20", description = "Generations (default ${DEFAULT-VALUE}).")
  int generations;
  @Option(names = "--population", defaultValue = "24", description = "Population (default ${DEFAULT-VALUE}).")
  int population;
  @Option(names = "--eval-images", defaultValue = "500", description = "Screening images (default ${DEFAULT-VALUE}).")
  int evalImages;
  @Option(names = "--calib", defaultValue = "200", description = "Calibration images (default ${DEFAULT-VALUE}).")
  int calib;
  @Option(names = "--granularity", defaultValue = "layer", description = "layer, kernel or group:G.")
  String granularity;
  @Option(names = "--baselines", defaultValue = "uniform,random,greedy", description = "Baselines, or none.")
  String baselines;
  @Option(names = "--threads", description = "Evaluation threads (default: all cores).")
  Integer threads;
  @Option(names = "--calib-data", paramLabel = "SPEC|holdout",
      description = "Calibration source (default: fashion-mnist train split if installed, else holdout).")
  String calibData;
  @Option(names = "--compensate", paramLabel = "none|bias|weights|both", defaultValue = "both",
      description = "Compensate each candidate's multiplier error (default ${DEFAULT-VALUE}; none: as quantized).")
  String compensate;

  private final ProblemFactory factory;
  private final PrintStream console;

  @Mixin OutputFormat output;

  @Mixin QuietOption quiet;

  @Spec CommandSpec spec;

  public DemoCommand() {
    this(EngineBinding.standard(), System.err);
  }

  DemoCommand(ProblemFactory factory, PrintStream console) {
    this.factory = factory;
    this.console = console;
  }

  @Override
  public Integer call() {
    output.check();
    Path home = Home.find();
    Path dir = out != null ? out
        : Path.of("runs", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    String calibration = calibData != null ? calibData : debianTrainAvailable() ? "fashion-mnist" : QuantOptions.HOLDOUT;
    SearchSettings settings;
    try {
      SearchSettings.Builder b = SearchSettings.builder()
          .setModel(home.resolve(MODEL).toString())
          .setData("fashion-mnist:" + home.resolve(DATA))
          .setGenerations(generations).optSeed(seed).optPopulation(population)
          .optGranularity(Granularity.parse(granularity))
          .optObjectives(ObjectiveSet.parse("accuracy,energy", "multiplier"))
          .optScreeningImages(evalImages).optFinalImages(0)
          .optBaselines(baselines.equals("none") ? List.of()
              : Arrays.stream(baselines.split(",")).map(String::strip).toList())
          .optQuantization(new QuantOptions(calib, calibration, 8, false, "").withCompensate(compensate));
      if (threads != null) {
        b.optThreads(threads);
      }
      settings = b.build();
    } catch (BadInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    console.println("axdse demo: LeNet-5 (" + MODEL + ") on " + DATA + ", calibration: "
        + (calibration.equals(QuantOptions.HOLDOUT) ? calib + " bundled images held out" : calibration + " train split")
        + ", compensation: " + compensate + "; run directory " + dir.toAbsolutePath().normalize());
    SearchRunner runner = new SearchRunner(factory, quiet.quiet() ? Progress.silent()
        : new Progress(console, console == System.err && Terminal.stderr()));
    StopSignal stop = new StopSignal();
    SearchRunner.Outcome outcome = runner.start(settings, dir, stop);
    stop.finished();
    Path report = RunReport.write(dir, dir);
    RunSummary.print(spec.commandLine().getOut(), output, dir, true, report);
    return outcome == SearchRunner.Outcome.COMPLETE ? 0 : SearchCommand.INTERRUPTED;
  }

  private static boolean debianTrainAvailable() {
    try {
      DatasetSpec.parse("fashion-mnist").load(Split.TRAIN);
      return true;
    } catch (BadInputException e) {
      return false;
    }
  }
}
