package org.axdse.explorer.pick;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.cli.flags.ProgressOptions;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.multipliers.util.OutputPaths;
import org.axdse.multipliers.util.RunLock;
import org.axdse.results.run.Metric;
import org.axdse.simulator.cli.PreprocessOptions;
import org.axdse.simulator.cli.RetrainOptions;
import org.axdse.simulator.deploy.DeployConfig;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code axdse pick RUN_DIR --max-accuracy-drop P | --max-energy E [--verify] [--out DIR]}: chooses one point of a
 * run's front and writes {@code deploy.json} with the multipliers' Verilog beside it.
 */
@Command(
    name = "pick",
    mixinStandardHelpOptions = true,
    description = "Pick a point of a run's front under a constraint and write deploy.json (model hash, "
        + "quantization parameters, assignment, expected figures), deploy/verilog/NAME.v, and for PyTorch tools "
        + "deploy/adapt/NAME.h, deploy/torchapprox/NAME.npy and deploy/load_tables.py.")
public final class PickCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "Run directory written by axdse search.")
  Path run;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Rule rule;

  static final class Rule {
    @Option(names = "--max-accuracy-drop", paramLabel = "P", required = true,
        description = "Lowest energy among front points at most P top-1 percentage points below the exact network.")
    Double drop;

    @Option(names = "--max-energy", paramLabel = "E", required = true,
        description = "Highest accuracy among front points of relative energy at most E (exact = 1).")
    Double energy;
  }

  @Option(names = "--energy", paramLabel = "multiplier|system|memory",
      description = "Energy to constrain and minimise (default: system if the run optimised it, else multiplier); "
          + "memory: the weight memory of a run with the memory objective instead.")
  String energyKind;

  @Option(names = "--verify", description = "Re-evaluate the point on the test set and record both figures.")
  boolean verify;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write deploy.json and deploy/ (default: RUN_DIR).")
  Path out;

  @Option(names = "--model", paramLabel = "M.onnx", description = "The model, when it moved since the search.")
  Path model;

  @Option(names = "--data", paramLabel = "SPEC", description = "The dataset, when it moved since the search.")
  String data;

  @Option(names = "--library", paramLabel = "DIR", description = "Multiplier directory (default: the run's).")
  List<Path> library = List.of();

  @Option(names = "--limit", paramLabel = "N",
      description = "Verify on the first N test images only (default, or 0: the whole test set, less any images "
          + "the search held out for calibration).")
  Integer limit;

  @Option(names = "--threads", description = "Threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--retrain", description = "Fine-tune the model for the chosen assignment (approximation-aware "
      + "retraining, training build; implies --verify) and deploy the retrained model.")
  boolean retrain;

  @Mixin RetrainOptions retrainOptions;

  @Mixin PreprocessOptions preprocess;

  @Mixin OutputFormat output;

  @Mixin ProgressOptions progress;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    boolean json = output.check() == OutputFormat.Format.JSON;
    Constraint c;
    double value = rule.drop != null ? rule.drop : rule.energy;
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new BadInputException((rule.drop != null ? "--max-accuracy-drop" : "--max-energy")
          + " must be a finite number >= 0: " + value);
    }
    Bounds.threads("--threads", threads);
    if (limit != null) {
      Bounds.images("--limit", limit, 0);
    }
    retrainOptions.check();
    List<String> retrainFlags = RetrainOptions.given(spec.commandLine());
    if (!retrain && !retrainFlags.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), retrainFlags + " only apply with --retrain");
    }
    c = rule.drop != null ? Constraint.maxAccuracyDrop(value) : Constraint.maxEnergy(value);
    Metric energy = null;
    if (energyKind != null) {
      energy = switch (energyKind) {
        case "multiplier" -> Metric.MULTIPLIER_ENERGY;
        case "system" -> Metric.SYSTEM_ENERGY;
        case "memory" -> Metric.MEMORY;
        default -> throw new CommandLine.ParameterException(spec.commandLine(), "--energy must be multiplier, "
            + "system or memory");
      };
    }
    DeployWriter.Result r;
    try (RunLock lock = RunLock.acquire(OutputPaths.runOutput(run, out))) {
      r = DeployWriter.write(run, c, new DeployWriter.Options(out, model, data, library, verify, limit, threads,
          energy, retrain ? retrainOptions : null, spec.commandLine().getErr(), preprocess.file(),
          progress.listener()));
      lock.commit();
    }
    if (json) {
      PickJson.print(spec.commandLine().getOut(), r);
    } else {
      print(spec.commandLine().getOut(), r);
    }
    return 0;
  }

  private static void print(PrintWriter out, DeployWriter.Result r) {
    if (r.config() == null) {
      ImcDeployWriter.print(out, r);
      return;
    }
    Pick p = r.pick();
    DeployConfig d = r.config();
    out.printf(Locale.ROOT, "picked point %d (%s): accuracy %.2f%% (%s)%s, %s %.4f%n", p.point().id(),
        p.constraint().kind().key() + " " + p.constraint().limit(), 100 * p.accuracy(), p.fidelity(),
        Double.isNaN(p.referenceAccuracy()) ? "" : String.format(Locale.ROOT, ", %.2f points below exact", p.drop()),
        p.energyMetric().key(), p.energy());
    if (d.retraining() != null) {
      out.printf(Locale.ROOT, "retrained %s (%d epoch%s) into %s%n", d.retraining().baseModel().path(),
          d.retraining().epochs(), d.retraining().epochs() == 1 ? "" : "s", d.model().path());
    }
    if (d.verified() != null) {
      out.printf(Locale.ROOT, "verified on %d images: accuracy %.2f%% (exact-int8 %.2f%%)%s%n",
          d.verified().images(), 100 * d.verified().accuracy(), 100 * d.verified().exactAccuracy(),
          d.verified().multiplierEnergy() == null ? "" : String.format(Locale.ROOT, ", multiplier energy %.4f",
              d.verified().multiplierEnergy()));
    }
    for (DeployConfig.MultiplierFile f : d.multipliers()) {
      if (f.kind().equals("table")) {
        out.println("note: " + f.name() + " has no netlist; exported its lookup table " + f.file() + " instead");
      }
    }
    out.println("wrote " + r.file().resolveSibling(ToolExport.SNIPPET) + " (AdaPT headers, TorchApprox tables)");
    out.println("wrote " + r.file());
    out.flush();
  }
}
