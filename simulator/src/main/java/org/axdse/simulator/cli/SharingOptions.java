package org.axdse.simulator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.precision.InputMoments;
import org.axdse.simulator.precision.SharedCodebooks;
import org.axdse.simulator.share.InputEnergy;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharedModel;
import org.axdse.simulator.share.SharingJson;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.WeightSharing;
import picocli.CommandLine.Option;

/**
 * The weight-sharing flags of {@code axdse evaluate} (a picocli mixin): {@code --share layer|channel|kernel} and
 * {@code --share-k K}, or the {@code "share"} entry of an assignment {@code --config}. The model is shared before
 * calibration, so evaluating the shared model gives what evaluating the file {@code axdse share} writes gives.
 */
public final class SharingOptions {
  @Option(names = "--share", paramLabel = "GRANULARITY", description = "weight sharing: one codebook per layer, "
      + "channel (output channel) or kernel (2-D kernel) (default: layer, or the --config file's)")
  String granularity;

  @Option(names = "--share-k", paramLabel = "K", description = "shared weight values per group in every "
      + "approximable layer (layers the --config file's \"share\" entry names keep its k)")
  Integer k;

  @Option(names = "--share-weighted", description = "activation-aware sharing: weighted k-means, each weight "
      + "counted by the mean square of its input channel, and biases corrected by the mean output shift, over the "
      + "calibration images")
  boolean weighted;

  @Option(names = "--share-codebook", paramLabel = "kmeans|refit", description = "the shared values: kmeans (each "
      + "group's exact 1-D k-means means), or refit (the k-means clusters, their values refitted by least squares to "
      + "the layer's output over the calibration images, biases corrected) (default: ${DEFAULT-VALUE})")
  String codebook = "kmeans";

  @Option(names = "--share-refit-rounds", paramLabel = "N", description = "with --share-codebook refit: rounds of "
      + "reassigning each weight to its nearest refitted value and refitting (default: ${DEFAULT-VALUE})")
  int refitRounds = 0;

  private SharedModel shared;
  private int weightBits;
  private boolean perChannel;

  /**
   * {@code model} shared as the flags and {@code config}'s {@code "share"} entry say (config may be null), or
   * {@code model} itself; the options' result-cache key then names the sharing.
   */
  Model apply(Model model, Path config, QuantizationOptions options, Path modelFile, PreprocessOptions preprocess,
      String data) {
    SharingPlan plan = plan(model, granularity, "--share", k, "--share-k", config);
    if (plan == null) {
      if (granularity != null || weighted || refit()) {
        throw new BadInputException((granularity != null ? "--share" : weighted ? "--share-weighted"
            : "--share-codebook refit") + " needs --share-k K "
            + "(or a \"share\" entry in the --config file)");
      }
      return model;
    }
    Map<String, InputEnergy.PerWeight> importance = !weighted || data == null ? Map.of() : InputEnergy.of(model,
        preprocess.forModel(modelFile), options.calibrationSet(DatasetSpec.parse(data)));
    shared = WeightSharing.apply(model, plan, options.threads(), importance);
    if (refit()) {
      shared = SharedCodebooks.refit(model, shared, InputMoments.of(model, preprocess.forModel(modelFile),
          options.calibrationSet(DatasetSpec.parse(data))), refitRounds);
    }
    weightBits = options.config().weightBits();
    perChannel = options.config().perChannel();
    options.modelVariant = "|share:" + plan.key() + (weighted ? "|weighted" : "")
        + (refit() ? "|refit:" + refitRounds : "");
    return shared.model();
  }

  /** True with {@code --share-codebook refit}; one line for an unknown value or negative rounds. */
  private boolean refit() {
    if (!codebook.equals("kmeans") && !codebook.equals("refit")) {
      throw new BadInputException("--share-codebook: '" + codebook + "' is not kmeans or refit");
    }
    if (refitRounds < 0) {
      throw new BadInputException("--share-refit-rounds: " + refitRounds + " must be >= 0");
    }
    return codebook.equals("refit");
  }

  /** True when the flags ask for sharing ({@code --share} or {@code --share-k}; a --config entry is seen later). */
  boolean requested() {
    return granularity != null || k != null;
  }

  /** True when {@link #apply} shared the model. */
  boolean active() {
    return shared != null;
  }

  /**
   * The sharing plan of {@code model} from a granularity flag, a uniform-k flag (both may be null; the flag names
   * are for errors) and {@code config}'s {@code "share"} entry (config may be null): the file's k per layer, the
   * flag's k for the other layers; null when neither gives a k. One-line errors name the flag or file, the layer
   * and the value.
   */
  static SharingPlan plan(Model model, String granularity, String granularityFlag, Integer k, String kFlag,
      Path config) {
    Optional<SharingJson.Entry> entry = config == null ? Optional.empty() : SharingJson.read(config);
    ShareGranularity g = granularity != null ? ShareGranularity.parse(granularity)
        : entry.map(SharingJson.Entry::granularity).orElse(ShareGranularity.LAYER);
    if (g == null) {
      throw new BadInputException(granularityFlag + ": '" + granularity + "' is not layer, channel or kernel");
    }
    if (k != null && k < 1) {
      throw new BadInputException(kFlag + ": " + k + " must be an integer >= 1");
    }
    if (k == null && entry.isEmpty()) {
      return null;
    }
    SharingPlan fromFile = entry.map(e -> SharingPlan.resolve(model, g, e.k(), config.toString()))
        .orElse(SharingPlan.none());
    if (k == null) {
      return fromFile;
    }
    Map<String, Integer> byKey = new LinkedHashMap<>();
    for (ApproximableLayer layer : model.approximableLayers()) {
      if (!fromFile.k().containsKey(layer.name())) {
        byKey.put(layer.name(), k);
      }
    }
    SharingPlan.resolve(model, g, byKey, kFlag); // checks k against every layer it applies to
    byKey.putAll(fromFile.k());
    return new SharingPlan(g, byKey);
  }

  /** Refuses the flags where the model comes recorded ({@code what}: a deploy.json or compensation file). */
  void refuse(String what) {
    if (granularity != null || k != null || weighted || refit()) {
      throw new BadInputException("--share/--share-k: not with " + what);
    }
  }

  /** Prints {@code report} (one JSON document, or the table) with the sharing figures when the model is shared. */
  void print(EvaluationReport report, boolean json, PrintWriter out) {
    if (!json) {
      report.printTable(out);
      if (shared != null) {
        SharingReport.summary(out, shared, weightBits, perChannel);
      }
      return;
    }
    if (shared == null) {
      report.printJson(out);
      return;
    }
    StringWriter text = new StringWriter();
    report.printJson(new PrintWriter(text));
    out.println(SharingReport.withSharing(text.toString(), shared, weightBits, perChannel));
    out.flush();
  }
}
