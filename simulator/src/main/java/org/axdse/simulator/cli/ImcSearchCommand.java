package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcConfig;
import org.axdse.simulator.imc.ImcKnobs;
import org.axdse.simulator.imc.ImcNetwork;
import org.axdse.simulator.imc.ImcSession;
import org.axdse.simulator.imc.LayerwiseSearch;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse imc search}: the layer-wise IMC search of {@link LayerwiseSearch} on images of the train split
 * (never the test split), then a bisection along the greedy trajectory for the fastest point whose screened top-1
 * stays within {@code --max-accuracy-drop} of full precision. Writes {@code imc-config.json} (the chosen point,
 * for {@code axdse imc evaluate --config}), {@code trajectory.csv} and {@code search.json} to {@code --out}.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Layer-wise search of IMC knobs (planes, slices, ADC bits) for latency at bounded accuracy drop,"
        + " on train-split images; writes imc-config.json, trajectory.csv and search.json.")
public final class ImcSearchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "the ONNX model")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "SPEC", description = "the data set (its train split)")
  String data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "a new or empty directory")
  Path out;

  @Option(names = "--sens-images", description = "images of the sensitivity pass (default: ${DEFAULT-VALUE})")
  int sensImages = 64;

  @Option(names = "--screen-images", description = "images that screen trajectory points (default: "
      + "${DEFAULT-VALUE})")
  int screenImages = 400;

  @Option(names = "--max-accuracy-drop", paramLabel = "P", description = "top-1 points below full precision on "
      + "the screening images (default: ${DEFAULT-VALUE})")
  double maxDrop = 0.3;

  @Option(names = "--min-adc-bits", description = "lowest ADC resolution tried (default: ${DEFAULT-VALUE})")
  int minAdcBits = 4;

  @Option(names = "--min-slices", description = "fewest weight slices tried (default: ${DEFAULT-VALUE})")
  int minSlices = 2;

  @Option(names = "--seed", description = "draws the screening images from the train split (default: "
      + "${DEFAULT-VALUE})")
  long seed = 1;

  @Mixin PreprocessOptions preprocess;

  @Mixin OutputFormat output;

  @Mixin QuantizationOptions options;

  @Mixin ImcArchOption arch;

  @Mixin ImcCompensateOption compensation;

  @Override
  public Integer call() throws IOException {
    options.check();
    if (!(maxDrop >= 0 && maxDrop <= 100)) {
      throw new BadInputException("--max-accuracy-drop must be in 0..100: " + maxDrop);
    }
    Bounds.images("--sens-images", sensImages, 1);
    Bounds.images("--screen-images", screenImages, 1);
    compensation.check();
    if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
      throw new BadInputException("--out " + out + ": not a new or empty directory");
    }
    boolean json = output.check() == OutputFormat.Format.JSON;
    ImcArchitecture a = arch.load();
    ImcTarget t = ImcTarget.load(model, data, preprocess, options);
    ImcNetwork check = new ImcNetwork(t.model(), options.config(), a);
    if (minAdcBits < 1 || minAdcBits > a.fullAdcBits() || minSlices < 1
        || minSlices > a.slices(options.config().weightBits())) {
      throw new BadInputException("--min-adc-bits " + minAdcBits + " / --min-slices " + minSlices + " outside "
          + a.name() + "'s range (1.." + a.fullAdcBits() + ", 1.." + check.full().slices() + ")");
    }
    Dataset train = t.data().load(Split.TRAIN);
    Dataset screen = train.subset(Math.min(screenImages, train.size()), seed + 1000);
    t = t.calibrated(options);
    try (Kernels k = Kernels.create(options.threads(), KernelMode.fromSystemProperty())) {
      ImcSession s = t.session(screen, a, k);
      compensation.apply(s, options, t.data());
      ImcNetwork net = s.network();
      int[] all = s.all();
      int[] sens = java.util.Arrays.copyOf(all, Math.min(sensImages, all.length));
      double full = s.top1(s.logits(new LayerDataflow[net.workloads().size()], all), all);
      LayerwiseSearch search = new LayerwiseSearch(s, sens, minAdcBits, minSlices, options.progress());
      List<LayerwiseSearch.Point> path = search.trajectory(Double.POSITIVE_INFINITY);
      TreeMap<Integer, Double> screened = new TreeMap<>();
      screened.put(0, full);
      int lo = 0;
      int hi = path.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        double acc = s.top1(path.get(mid).knobs(), all);
        screened.put(mid, acc);
        if (within(full, acc, maxDrop)) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      write(t, net, path, screened, lo, full, json);
    }
    return 0;
  }

  /**
   * True when top-1 {@code acc} is at most {@code maxDrop} points below {@code full}; a drop of exactly {@code
   * maxDrop} (for example 12 images of 4,000 for 0.3) passes, which the plain floating-point difference can miss.
   */
  static boolean within(double full, double acc, double maxDrop) {
    return 100 * (full - acc) <= maxDrop + 1e-9;
  }

  private void write(ImcTarget t, ImcNetwork net, List<LayerwiseSearch.Point> path, TreeMap<Integer, Double> acc,
      int chosen, double full, boolean json) throws IOException {
    Files.createDirectories(out);
    LayerwiseSearch.Point p = path.get(chosen);
    AssignmentJson.write(ImcConfig.toAssignment(p.knobs(), t.model(), net), out.resolve("imc-config.json"));
    StringBuilder csv = new StringBuilder("step,predicted_logit_mse,latency_cycles,energy_pj,screened_top1,config\n");
    long base = path.get(0).cost().latencyCycles();
    for (int i = 0; i < path.size(); i++) {
      LayerwiseSearch.Point q = path.get(i);
      csv.append(String.format(Locale.ROOT, "%d,%.6f,%d,%.1f,%s,%s%n", i, q.predictedError(),
          q.cost().latencyCycles(), q.cost().energyPj(), acc.containsKey(i) ? String.format(Locale.ROOT, "%.4f",
          acc.get(i)) : "", String.join(" ", q.knobs().stream().map(k -> k == null ? "-" : k.name()).toList())));
    }
    AtomicFiles.writeString(out.resolve("trajectory.csv"), csv.toString());
    ObjectNode root = new ObjectMapper().createObjectNode().put("model", t.model().name())
        .put("architecture", net.architecture().name()).put("screenImages", screenImages)
        .put("sensImages", sensImages).put("compensate", compensation.compensate)
        .put("biasOrder", compensation.biasOrder)
        .put("biasImages", net.biasCorrection() == null ? 0 : net.biasCorrection().images())
        .put("maxAccuracyDrop", maxDrop).put("fullPrecisionTop1", full)
        .put("chosenStep", chosen).put("chosenTop1", acc.get(chosen))
        .put("speedup", (double) base / p.cost().latencyCycles())
        .put("energySaving", path.get(0).cost().energyPj() / p.cost().energyPj());
    ArrayNode layers = root.putArray("config");
    p.knobs().forEach(k -> layers.add(k == null ? null : k.name()));
    AtomicFiles.writeString(out.resolve("search.json"), root.toPrettyString() + "\n");
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(root.toPrettyString());
    } else {
      w.printf(Locale.ROOT, "%d trajectory points; chosen step %d: screened top-1 %.2f%% (full %.2f%%), latency "
          + "%.2fx lower, energy %.2fx lower; wrote %s%n", path.size(), chosen, 100 * acc.get(chosen), 100 * full,
          (double) base / p.cost().latencyCycles(), path.get(0).cost().energyPj() / p.cost().energyPj(),
          out.resolve("imc-config.json"));
    }
    w.flush();
  }
}
