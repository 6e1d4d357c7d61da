package org.axdse.simulator.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.multipliers.util.OutputPaths;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxExporter;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.share.InputEnergy;
import org.axdse.simulator.share.SharedModel;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.WeightSharing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse share}: clusters the weights of a model into k shared values per layer, output channel or kernel
 * and writes the shared model as ONNX with its preprocessing sidecar, loadable by every command that takes
 * {@code --model}. Prints the clustering inertia and the weight memory per layer.
 */
@Command(
    name = "share",
    mixinStandardHelpOptions = true,
    description = "Share weights: cluster each layer's, channel's or kernel's weights into k values (exact 1-D "
        + "k-means) and write the shared model as ONNX with its sidecar.")
public final class ShareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "the ONNX model")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Option(names = "--k", paramLabel = "K", description = "shared values per group in every approximable layer "
      + "(layers a --config \"share\" entry names keep its k)")
  Integer k;

  @Option(names = "--granularity", paramLabel = "G", description = "one codebook per layer, channel (output "
      + "channel) or kernel (2-D kernel) (default: layer, or the --config file's)")
  String granularity;

  @Option(names = "--config", paramLabel = "ASSIGN.json", description = "an assignment file whose \"share\" "
      + "entry gives k per layer")
  Path config;

  @Option(names = "--out", required = true, paramLabel = "M2.onnx", description = "the shared model; its sidecar "
      + "M2.preprocess.json is written beside it")
  Path out;

  @Option(names = "--force", description = "overwrite existing output files")
  boolean force;

  @Option(names = "--weight-bits", paramLabel = "N", description = "width of the quantized weights and codebook "
      + "entries, for the memory figures, 2..8 (default: ${DEFAULT-VALUE})")
  int weightBits = 8;

  @Option(names = "--per-channel", description = "memory figures for per-channel weight scales (a layer-wide "
      + "codebook then needs one copy per output channel)")
  boolean perChannel;

  @Option(names = "--weighted", description = "activation-aware sharing: weighted k-means, each weight counted "
      + "by the mean square of its input channel, and biases corrected by the mean output shift, over --calib "
      + "images of --data's train split (as evaluate --share-weighted draws them)")
  boolean weighted;

  @Option(names = "--data", paramLabel = "SPEC", description = "the dataset for --weighted")
  String data;

  @Option(names = "--calib", paramLabel = "N", description = "calibration images for --weighted, drawn with seed "
      + "1 from the train split (default: ${DEFAULT-VALUE})")
  int calib = QuantConfig.DEFAULT_CALIBRATION_IMAGES;

  @Option(names = "--threads", paramLabel = "T", description = "threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    output.check();
    Bounds.threads("--threads", threads);
    if (weightBits < 2 || weightBits > 8) {
      throw new BadInputException("--weight-bits: " + weightBits + " is not in 2..8");
    }
    if (!out.getFileName().toString().endsWith(".onnx")) {
      throw BadInputException.in(out, "--out must name an .onnx file");
    }
    Path sidecar = Preprocessing.sidecarOf(out);
    if (out.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize())) {
      throw BadInputException.in(out, "--out is the input model; write the shared model to another file");
    }
    OutputPaths.checkNew(force, out, sidecar);
    if (weighted && data == null) {
      throw new BadInputException("--weighted needs --data SPEC (its train split gives the calibration images)");
    }
    Bounds.images("--calib", calib, 1);
    Preprocessing pre = preprocess.forModel(model);
    Model m = OnnxImporter.load(model);
    SharingPlan plan = SharingOptions.plan(m, granularity, "--granularity", k, "--k", config);
    if (plan == null) {
      throw new BadInputException("--k K is required (or a --config file with a \"share\" entry)");
    }
    Map<String, InputEnergy.PerWeight> importance = weighted ? InputEnergy.of(m, pre,
        DatasetSpec.parse(data).load(Split.TRAIN).subset(calib, 1L)) : Map.of();
    SharedModel shared = WeightSharing.apply(m, plan, threads, importance);
    OnnxExporter.write(shared.model(), out);
    AtomicFiles.write(sidecar, (pre.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    var w = spec.commandLine().getOut();
    if (output.json()) {
      var root = SharingReport.json(shared, weightBits, perChannel);
      root.put("model", model.toString());
      root.put("out", out.toString());
      w.println(root.toPrettyString());
      w.flush();
      return 0;
    }
    w.printf("model %s -> %s (and %s)%n", model, out, sidecar.getFileName());
    SharingReport.table(w, shared, weightBits, perChannel);
    return 0;
  }
}
