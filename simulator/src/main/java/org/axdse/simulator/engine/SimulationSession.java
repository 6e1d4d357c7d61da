package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.energy.EnergyModel;
import org.axdse.simulator.energy.EnergyReport;
import org.axdse.simulator.energy.LayerWorkload;
import org.axdse.simulator.energy.WeightMemory;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.InputFit;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Evaluates multiplier assignments of one quantized model on one image set, many times. Opening does everything
 * that does not depend on the assignment once: the kernels' threads, the compiled engine with its buffers, the
 * input codes of every image, the operand distributions and energy workloads of the layers. The exact-quantized
 * predictions (and the float model's, unless disabled) are computed when first needed, or read from a {@link
 * ResultCache} when the session was opened with one. {@link #evaluate} then runs only the engine, with lookup
 * tables compiled once per multiplier the assignments use and relative powers cached per (layer, multiplier).
 * {@link #setupPhases} tells where the setup time went.
 *
 * <p>Evaluations are serialized (one at a time, each using all threads) and deterministic: the same assignment
 * and images give bit-identical results for any thread count. Close the session to stop its threads.
 */
public final class SimulationSession implements AutoCloseable {
  private final Model model;
  private final QuantizedModel quant;
  private final Dataset eval;
  private final SessionOptions options;
  private final Kernels kernels;
  private final IntegerEngine engine;
  private final AssignmentResolver resolver;
  private final PowerTable power;
  private final FloatLayers floats;
  private final EnergyModel energy;
  private final byte[] inputCodes;
  private final byte[] batchCodes;
  private final int per;
  private final int classes;
  private final int topK;
  private final int[] labels;
  private final String modelKey;
  private final List<SetupPhase> phases = new ArrayList<>();
  private final ResultCache cache;
  private ReferenceResults floatRef;
  private ReferenceResults exactRef;
  private final ProgressListener progress;
  private final SessionWidths widths;
  private PrefixCache prefixes;
  private PrefixRun prefixRun;

  private SimulationSession(Model model, QuantizedModel quant, Dataset eval, MultiplierCatalog catalog,
      SessionOptions options, ProgressListener progress, ResultCache cache, String modelKey) {
    SetupPhase.Clock clock = SetupPhase.start();
    this.progress = progress;
    this.modelKey = modelKey;
    this.labels = eval.labels();
    this.model = model;
    this.quant = quant;
    this.eval = eval;
    this.options = options;
    this.per = model.input().shape().size();
    Preprocessing pre = quant.preprocessing();
    InputFit.check(model, pre, eval);
    this.kernels = Kernels.create(options.threads(), KernelMode.fromSystemProperty());
    try {
      this.engine = new IntegerEngine(model, quant, kernels, options.batchSize());
      this.classes = engine.logitsPerSample();
      eval.checkLabelsBelow(classes);
      this.topK = classes > 10 ? 5 : 0;
      this.widths = new SessionWidths(model, quant, catalog, options);
      this.resolver = widths.resolver();
      this.power = new PowerTable(model, quant, catalog, options.costSeed(), widths.power(options.costSeed()));
      this.floats = new FloatLayers(model, quant, catalog);
      this.energy = new EnergyModel(options.architecture());
      this.inputCodes = InputCodes.of(eval, pre, quant.tensor(model.input().name()));
      this.batchCodes = new byte[options.batchSize() * per];
      this.cache = modelKey == null ? ResultCache.off() : cache;
      phases.add(clock.stop("session open", "engine, input codes, energy model"));
      if (!options.floatReference()) {
        phases.add(SetupPhase.skipped("float reference", "not shown"));
      }
    } catch (RuntimeException e) {
      kernels.close();
      throw e;
    }
  }

  /** Opens a session; see the class description for what is computed here. */
  public static SimulationSession open(Model model, QuantizedModel quant, Dataset evalSet, MultiplierCatalog catalog,
      SessionOptions options) {
    return new SimulationSession(model, quant, evalSet, catalog, options, ProgressListener.NONE,
        ResultCache.off(), null);
  }

  /**
   * As {@link #open(Model, QuantizedModel, Dataset, MultiplierCatalog, SessionOptions)}, reporting the reference
   * passes of opening and every later evaluation to {@code progress} (a command line's bar; not for searches,
   * which evaluate thousands of times).
   */
  public static SimulationSession open(Model model, QuantizedModel quant, Dataset evalSet, MultiplierCatalog catalog,
      SessionOptions options, ProgressListener progress) {
    return new SimulationSession(model, quant, evalSet, catalog, options, progress, ResultCache.off(), null);
  }

  /**
   * As {@link #open(Model, QuantizedModel, Dataset, MultiplierCatalog, SessionOptions, ProgressListener)}, reading
   * and writing the float and exact reference results in {@code cache}, keyed by {@code modelSha256} (the SHA-256
   * of the model file's bytes, which the in-memory model cannot tell), the images, the preprocessing and the
   * quantization. Results are identical with and without the cache.
   */
  public static SimulationSession open(Model model, QuantizedModel quant, Dataset evalSet, MultiplierCatalog catalog,
      SessionOptions options, ProgressListener progress, ResultCache cache, String modelSha256) {
    return new SimulationSession(model, quant, evalSet, catalog, options, progress, cache, modelSha256);
  }

  /**
   * Computes (or reads from the cache) now the reference results later calls need: the exact one, and the float
   * one unless disabled; so that the time of a following {@link #evaluate} is the evaluation's alone.
   */
  public synchronized void prepareReferences() {
    exactRef();
    if (options.floatReference()) {
      floatRef();
    }
  }

  /** The setup phases so far (open, each reference pass: computed, cached or skipped), in order. */
  public synchronized List<SetupPhase> setupPhases() {
    return List.copyOf(phases);
  }

  public Model model() {
    return model;
  }

  public QuantizedModel quantization() {
    return quant;
  }

  public Dataset evalSet() {
    return eval;
  }

  /** Number of evaluation images. */
  public int size() {
    return eval.size();
  }

  /** Resolves and validates {@code assignment} (one-line {@link BadInputException} on any problem). */
  public List<ResolvedLayer> resolve(Assignment assignment) {
    return resolver.resolve(assignment);
  }

  /** The weight widths assignments may use. */
  public WidthSet widths() {
    return widths.set();
  }

  /** The weight width of each channel's multiplier of every layer of {@code assignment} (one entry: uniform). */
  public List<int[]> layerWidths(Assignment assignment) {
    return widths.layerWidths(assignment);
  }

  /** This session's quantization with every layer at {@code assignment}'s widths: what its compensation applies to. */
  public QuantizedModel atWidths(Assignment assignment) {
    return widths.atWidths(resolver.resolve(assignment));
  }

  /** The weight memory of {@code assignment} relative to 8-bit weights (see {@link WeightMemory}). */
  public double weightMemory(Assignment assignment) {
    return widths.memory().relative(layerWidths(assignment));
  }

  /** Relative power of {@code multiplier} in approximable layer {@code layer}; NaN for table-only approximations. */
  public double relativePower(int layer, String multiplier) {
    return power.relativePower(layer, multiplier);
  }

  /** The operand distribution of approximable layer {@code layer} (its activation and weight code histograms). */
  public OperandDistribution operandDistribution(int layer) {
    return power.distribution(layer);
  }

  /** Energy workloads of the approximable layers, in index order. */
  public List<LayerWorkload> workloads() {
    return power.workloads();
  }

  /** Whether the logit codes are signed (as {@link #logits} returns them). */
  public boolean logitsSigned() {
    return engine.logitParams().signed();
  }

  /** Accuracy of the float model on all images, or null when the float reference is off. */
  public synchronized Accuracy floatAccuracy() {
    return options.floatReference() ? floatRef().accuracy(all(), labels, topK) : null;
  }

  /** Accuracy of the exact-quantized model on all images. */
  public synchronized Accuracy exactAccuracy() {
    return exactRef().accuracy(all(), labels, topK);
  }

  /** Whether the exact-quantized model's top-1 class is the label, for each of {@code imageIndices}. */
  public synchronized boolean[] exactCorrect(int[] imageIndices) {
    checkIndices(imageIndices);
    ReferenceResults exact = exactRef();
    boolean[] out = new boolean[imageIndices.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = exact.top1[imageIndices[i]] == labels[imageIndices[i]];
    }
    return out;
  }

  /** Evaluates {@code assignment} on every image. */
  public Evaluation evaluate(Assignment assignment) {
    return evaluate(assignment, all());
  }

  /** Evaluates {@code assignment} on every image with {@code variant} (see the three-argument form). */
  public Evaluation evaluate(Assignment assignment, QuantizedModel variant) {
    return evaluate(assignment, all(), variant);
  }

  /** Evaluates {@code assignment} on the images at {@code imageIndices} (a fidelity subset of the set). */
  public synchronized Evaluation evaluate(Assignment assignment, int[] imageIndices) {
    return evaluate(assignment, imageIndices, engine);
  }

  /**
   * Evaluates {@code assignment} on the images at {@code imageIndices} with {@code variant}: this session's
   * quantization with other weight codes and int32 biases (a compensation, see {@code Compensation.applyTo}).
   * Accuracy is compared with this session's exact reference; energy uses this session's operand distributions.
   */
  public synchronized Evaluation evaluate(Assignment assignment, int[] imageIndices, QuantizedModel variant) {
    return evaluate(assignment, imageIndices, engineOf(variant));
  }

  /** This session's engine for {@code variant} (a quantization of its model and config), built unless it is its own. */
  private IntegerEngine engineOf(QuantizedModel variant) {
    if (variant == quant) {
      return engine;
    }
    if (variant.layers().size() != quant.layers().size() || !variant.config().equals(quant.config())) {
      throw new IllegalArgumentException("the variant is not a quantization of this session's model and config");
    }
    return new IntegerEngine(model, variant, kernels, options.batchSize());
  }

  /**
   * As {@link #evaluate(Assignment, int[], QuantizedModel)}, resuming from and filling {@code cache} (null: none;
   * it must serve this session only): the same figures, less work when a prefix of layers was seen before.
   */
  public synchronized Evaluation evaluate(Assignment assignment, int[] imageIndices, QuantizedModel variant,
      PrefixCache cache) {
    prefixes = cache;
    try {
      return evaluate(assignment, imageIndices, variant);
    } finally {
      prefixes = null;
    }
  }

  /**
   * Evaluates {@code assignment} on {@code imageIndices} with {@code layersAtWidths}: this session's quantization
   * whose approximable layers are already quantized at their multipliers' widths, with other weight values (shared
   * weights, {@code simulator.share.variant}); nothing is re-quantized. Energy as {@link #evaluate(Assignment)}.
   */
  public synchronized Evaluation evaluateAtWidths(Assignment assignment, int[] imageIndices,
      QuantizedModel layersAtWidths) {
    return evaluate(assignment, imageIndices, engine.sharing(layersAtWidths), false);
  }

  private Evaluation evaluate(Assignment assignment, int[] imageIndices, IntegerEngine using) {
    return evaluate(assignment, imageIndices, using, true);
  }

  private Evaluation evaluate(Assignment assignment, int[] imageIndices, IntegerEngine using, boolean composeWidths) {
    checkIndices(imageIndices);
    List<ResolvedLayer> resolved = resolver.resolve(assignment);
    using = composeWidths ? widths.engineFor(resolved, using, engine) : using;
    RowTables[] tables = resolved.stream().map(ResolvedLayer::tables).toArray(RowTables[]::new);
    LayerDataflow[] flows = floats.flows(resolved, using.quantization());
    boolean allExact = flows == null && resolved.stream().allMatch(ResolvedLayer::exact);
    ErrorStatistics[] stats = null;
    if (options.layerStatistics()) {
      stats = new ErrorStatistics[tables.length];
      for (int i = 0; i < stats.length; i++) {
        stats[i] = new ErrorStatistics();
      }
    }
    ReferenceResults exact = exactRef();
    boolean reference = allExact && using == engine;
    prefixRun = prefixes == null || stats != null || reference || flows != null ? null
        : new PrefixRun(prefixes, using, resolved, imageIndices, options.batchSize());
    ReferenceResults mine;
    try {
      mine = reference ? exact : run("evaluate", using, tables, stats, imageIndices, flows);
    } finally {
      prefixRun = null;
    }
    int agree = 0;
    for (int i : imageIndices) {
      agree += mine.top1[i] == exact.top1[i] ? 1 : 0;
    }
    return assemble(resolved, stats, imageIndices, mine, (double) agree / imageIndices.length);
  }

  /** The logit codes (sample-major) of {@code imageIndices} under {@code assignment}; for tests and tools. */
  public byte[] logits(Assignment assignment, int[] imageIndices) {
    return logits(assignment, imageIndices, null);
  }

  /**
   * As {@link #logits(Assignment, int[])}, with {@code hook} (null: none) seeing and changing the accumulators of
   * every convolution and dense layer before requantization (noise injection).
   */
  public synchronized byte[] logits(Assignment assignment, int[] imageIndices, AccumulatorHook hook) {
    return logits(assignment, imageIndices, quant, null, hook);
  }

  /**
   * The logit codes of {@code imageIndices} under {@code assignment} with {@code variant} (a compensation of this
   * session's quantization, as {@link #evaluate(Assignment, int[], QuantizedModel, PrefixCache)} takes it),
   * resuming from and filling {@code cache} (null: none): the logits that evaluation ranks.
   */
  public synchronized byte[] logits(Assignment assignment, int[] imageIndices, QuantizedModel variant,
      PrefixCache cache) {
    return logits(assignment, imageIndices, variant, cache, null);
  }

  private byte[] logits(Assignment assignment, int[] imageIndices, QuantizedModel variant, PrefixCache cache,
      AccumulatorHook hook) {
    checkIndices(imageIndices);
    List<ResolvedLayer> resolved = resolver.resolve(assignment);
    RowTables[] tables = resolved.stream().map(ResolvedLayer::tables).toArray(RowTables[]::new);
    IntegerEngine using = widths.engineFor(resolved, engineOf(variant), engine);
    LayerDataflow[] flows = floats.flows(resolved, using.quantization());
    byte[] all = new byte[imageIndices.length * classes];
    prefixRun = cache == null || flows != null ? null
        : new PrefixRun(cache, using, resolved, imageIndices, options.batchSize());
    try {
      forBatches(using, imageIndices, tables, null, TensorTap.NONE, hook, flows,
          (from, n, codes) -> System.arraycopy(codes, 0, all, from * classes, n * classes));
    } finally {
      prefixRun = null;
    }
    return all;
  }

  /** Runs the engine over {@code imageIndices} showing every tensor of every batch to {@code tap}. */
  public synchronized void trace(Assignment assignment, int[] imageIndices, TensorTap tap) {
    checkIndices(imageIndices);
    List<ResolvedLayer> resolved = resolver.resolve(assignment);
    RowTables[] tables = resolved.stream().map(ResolvedLayer::tables).toArray(RowTables[]::new);
    IntegerEngine using = widths.engineFor(resolved, engine, engine);
    forBatches(using, imageIndices, tables, null, tap, null, floats.flows(resolved, using.quantization()),
        (from, n, codes) -> {});
  }

  private ReferenceResults run(String task, IntegerEngine using, RowTables[] tables, ErrorStatistics[] stats,
      int[] indices) {
    return run(task, using, tables, stats, indices, null);
  }

  private ReferenceResults run(String task, IntegerEngine using, RowTables[] tables, ErrorStatistics[] stats,
      int[] indices, LayerDataflow[] flows) {
    ReferenceResults r = new ReferenceResults(eval.size());
    boolean signed = engine.logitParams().signed();
    try (ProgressListener.Task t = progress.start(task, indices.length, "images")) {
      forBatches(using, indices, tables, stats, TensorTap.NONE, null, flows, (from, n, codes) -> {
        for (int j = 0; j < n; j++) {
          int image = indices[from + j];
          int label = eval.label(image);
          r.top1[image] = Predictions.top1(codes, j * classes, classes, signed);
          r.topK[image] = topK > 0 && Predictions.inTopK(codes, j * classes, classes, signed, label, topK);
        }
        t.advance(n);
      });
    }
    return r;
  }

  @FunctionalInterface
  private interface BatchResult {
    void accept(int from, int n, byte[] logitCodes);
  }

  private void forBatches(IntegerEngine using, int[] indices, RowTables[] tables, ErrorStatistics[] stats,
      TensorTap tap, AccumulatorHook hook, LayerDataflow[] flows, BatchResult result) {
    int batch = options.batchSize();
    for (int from = 0; from < indices.length; from += batch) {
      int n = Math.min(batch, indices.length - from);
      for (int j = 0; j < n; j++) {
        System.arraycopy(inputCodes, indices[from + j] * per, batchCodes, j * per, per);
      }
      ErrorStatistics[] measured = from < options.statisticsImages() ? stats : null;
      result.accept(from, n, prefixRun != null ? prefixRun.runBatch(batchCodes, from, n, tables)
          : using.run(batchCodes, 0, n, tables, measured, tap, hook, flows));
    }
    if (prefixRun != null) {
      prefixRun.finish(indices.length);
    }
  }

  private ReferenceResults exactRef() {
    if (exactRef == null) {
      exactRef = cached("exact reference", () -> ReferenceKeys.exact(modelKey, quant, inputCodes, labels, topK),
          () -> run("session: exact reference", engine, new RowTables[model.approximableLayers().size()], null,
              all()));
    }
    return exactRef;
  }

  private ReferenceResults cached(String phase, Supplier<CacheKey> key, Supplier<ReferenceResults> compute) {
    return CachedPhase.get(phase, cache, key, body -> ReferenceResults.fromBytes(body, eval.size(), classes),
        compute, ReferenceResults::toBytes, phases::add);
  }

  private ReferenceResults floatRef() {
    if (floatRef == null) {
      floatRef = cached("float reference",
          () -> ReferenceKeys.floating(modelKey, quant.preprocessing(), eval, topK),
          () -> FloatReference.run(model, quant.preprocessing(), eval, classes, topK, progress));
    }
    return floatRef;
  }

  private Evaluation assemble(List<ResolvedLayer> resolved, ErrorStatistics[] stats, int[] indices,
      ReferenceResults mine, double agreement) {
    List<ApproximableLayer> layers = model.approximableLayers();
    String note = energyNote(resolved);
    EnergyReport report = note.isEmpty() ? energyReport(resolved) : null;
    List<LayerResult> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      ApproximableLayer l = layers.get(i);
      ResolvedLayer r = resolved.get(i);
      Double mean = stats == null ? null : r.exact() ? 0.0 : stats[i].mean();
      Double std = stats == null ? null : r.exact() ? 0.0 : stats[i].std();
      Double rel = report == null ? null : report.layers().get(i).multiplierRelative();
      out.add(new LayerResult(i, l.name(), l.kind(), l.macsPerSample(), r.multipliers(), rel, mean, std));
    }
    return new Evaluation(indices.length,
        options.floatReference() ? floatRef().accuracy(indices, labels, topK) : null,
        exactRef().accuracy(indices, labels, topK), mine.accuracy(indices, labels, topK), agreement,
        report == null ? null : report.multiplierRelative(), report == null ? null : report.systemRelative(), note,
        out);
  }

  /**
   * The energies of {@code assignment} as {@link #evaluate} reports them, without running it (they depend on the
   * assignment and this session's operand distributions only); null when a multiplier has no power figure.
   */
  public EnergyReport energy(Assignment assignment) {
    List<ResolvedLayer> resolved = resolver.resolve(assignment);
    return energyNote(resolved).isEmpty() ? energyReport(resolved) : null;
  }

  private EnergyReport energyReport(List<ResolvedLayer> resolved) {
    List<double[]> powers = new ArrayList<>();
    for (ResolvedLayer r : resolved) {
      double[] p = new double[r.multipliers().size()];
      for (int c = 0; c < p.length; c++) {
        p[c] = unitPower(r) ? 1.0 : power.relativePower(r.index(), r.multipliers().get(c));
      }
      powers.add(p);
    }
    return energy.report(power.workloads(), powers);
  }

  /** An exact integer layer of a single-width run: power 1 (relative to itself) by definition. */
  private boolean unitPower(ResolvedLayer r) {
    return r.exact() && widths.set().single() && !floats.isFloat(r);
  }

  private String energyNote(List<ResolvedLayer> resolved) {
    for (ResolvedLayer r : resolved) {
      for (String m : r.multipliers()) {
        if (!unitPower(r) && Double.isNaN(power.relativePower(r.index(), m))) {
          return "multiplier '" + m + "' has no circuit (table only), so no power figure";
        }
      }
    }
    return "";
  }

  private int[] all() {
    int[] a = new int[eval.size()];
    java.util.Arrays.setAll(a, i -> i);
    return a;
  }

  private void checkIndices(int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("no images to evaluate");
    }
    for (int i : indices) {
      java.util.Objects.checkIndex(i, eval.size());
    }
  }

  @Override
  public void close() {
    kernels.close();
  }
}
