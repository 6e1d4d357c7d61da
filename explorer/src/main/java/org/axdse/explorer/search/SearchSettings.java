package org.axdse.explorer.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.encoding.Granularity;
import org.axdse.multipliers.util.Bounds;

/**
 * Everything that defines a search run. Together with the engine's inputs, these settings determine the front:
 * the same settings give a byte-identical front, whatever {@code threads} is. Stored in the checkpoint (so
 * {@code --resume} needs no other flag) and in {@code run.json}. Build with {@link #builder()}: {@code set...}
 * for what is required, {@code opt...} for what has a default.
 *
 * @param library a library directory, or null for the built-in library
 * @param restrictions per-layer multiplier lists ({@code --restrict}), possibly empty
 * @param maxAccuracyDrop the constraint in percentage points below the exact network, or NaN for none
 * @param finalImages 0 for the whole test set
 * @param baselines names of the baselines to run: any of {@code uniform}, {@code random}, {@code greedy}
 * @param quantization how the engine quantizes the model ({@code --calib}, {@code --calib-data},
 *     {@code --weight-bits}, {@code --per-channel}, {@code --preprocess})
 * @param init how generation 0 is seeded ({@code --init}); stored only when it is not the default, so the settings
 *     of plain runs read as before
 * @param finalExtra how many feasible points outside the archive also get a final evaluation ({@code
 *     --final-extra}, see {@link FinalCandidates}); stored only when it is not 0, so a run made before the flag
 *     existed (which evaluated its archive only) resumes as it was
 */
public record SearchSettings(String model, String data, String quant, String library, long seed,
    int population, Budget budget, Granularity granularity, Map<String, List<String>> restrictions,
    ObjectiveSet objectives, double maxAccuracyDrop, int screeningImages, int finalImages, int threads,
    List<String> baselines, QuantOptions quantization, SurrogateOptions surrogate, Seeding init, int finalExtra) {

  public static final List<String> ALL_BASELINES = List.of("uniform", "random", "greedy");

  public SearchSettings {
    Objects.requireNonNull(model, "--model");
    Objects.requireNonNull(data, "--data");
    if (!quant.equals("sym") && !quant.equals("asym")) {
      throw new IllegalArgumentException("--quant must be sym or asym, not '" + quant + "'");
    }
    if (population < 4 || population % 2 != 0) {
      throw new IllegalArgumentException("--population must be even and >= 4: " + population);
    }
    Bounds.check("--population", population, 4, Bounds.MAX_COUNT, "genomes held in memory at once");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(granularity, "--granularity");
    Map<String, List<String>> r = new LinkedHashMap<>();
    restrictions.forEach((k, v) -> r.put(k, List.copyOf(v)));
    restrictions = java.util.Collections.unmodifiableMap(r);
    Objects.requireNonNull(objectives, "--objectives");
    if (!Double.isNaN(maxAccuracyDrop) && !(maxAccuracyDrop >= 0 && maxAccuracyDrop <= 100)) {
      throw new IllegalArgumentException("--max-accuracy-drop must be in [0, 100] points: " + maxAccuracyDrop);
    }
    if (screeningImages < 1) {
      throw new IllegalArgumentException("--eval-images must be >= 1: " + screeningImages);
    }
    Bounds.images("--eval-images", screeningImages, 1);
    if (finalImages < 0) {
      throw new IllegalArgumentException("--final-images must be >= 0 (0: the whole test set): " + finalImages);
    }
    Bounds.images("--final-images", finalImages, 0);
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1: " + threads);
    }
    Bounds.threads("--threads", threads);
    baselines = List.copyOf(baselines);
    for (String b : baselines) {
      if (!ALL_BASELINES.contains(b)) {
        throw new IllegalArgumentException("unknown baseline '" + b + "' (known: uniform, random, greedy)");
      }
    }
    Objects.requireNonNull(quantization, "quantization");
    Objects.requireNonNull(surrogate, "surrogate");
    Objects.requireNonNull(init, "--init");
    Bounds.check("--final-extra", finalExtra, 0, Bounds.MAX_COUNT, "points evaluated at final fidelity");
  }

  /** Settings seeded the plain way ({@link Seeding#UNIFORM}) that evaluate only the archive at final fidelity. */
  public SearchSettings(String model, String data, String quant, String library, long seed, int population,
      Budget budget, Granularity granularity, Map<String, List<String>> restrictions, ObjectiveSet objectives,
      double maxAccuracyDrop, int screeningImages, int finalImages, int threads, List<String> baselines,
      QuantOptions quantization, SurrogateOptions surrogate) {
    this(model, data, quant, library, seed, population, budget, granularity, restrictions, objectives,
        maxAccuracyDrop, screeningImages, finalImages, threads, baselines, quantization, surrogate, Seeding.UNIFORM,
        0);
  }

  /** Settings without the surrogate. */
  public SearchSettings(String model, String data, String quant, String library, long seed, int population,
      Budget budget, Granularity granularity, Map<String, List<String>> restrictions, ObjectiveSet objectives,
      double maxAccuracyDrop, int screeningImages, int finalImages, int threads, List<String> baselines,
      QuantOptions quantization) {
    this(model, data, quant, library, seed, population, budget, granularity, restrictions, objectives,
        maxAccuracyDrop, screeningImages, finalImages, threads, baselines, quantization, SurrogateOptions.OFF);
  }

  /** Settings with the default {@link QuantOptions}. */
  public SearchSettings(String model, String data, String quant, String library, long seed, int population,
      Budget budget, Granularity granularity, Map<String, List<String>> restrictions, ObjectiveSet objectives,
      double maxAccuracyDrop, int screeningImages, int finalImages, int threads, List<String> baselines) {
    this(model, data, quant, library, seed, population, budget, granularity, restrictions, objectives,
        maxAccuracyDrop, screeningImages, finalImages, threads, baselines, QuantOptions.defaults());
  }

  /**
   * The {@code --max-accuracy-drop} a user gave: null (no constraint) becomes NaN, the internal "no constraint";
   * a NaN the user typed is refused rather than read as no constraint.
   */
  public static double accuracyDropFlag(Double value) {
    if (value != null && value.isNaN()) {
      throw new IllegalArgumentException("--max-accuracy-drop must be in [0, 100] points: NaN");
    }
    return value == null ? Double.NaN : value;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What the engine must load for these settings. */
  public ProblemRequest problemRequest() {
    return new ProblemRequest(model, data, quant, library, screeningImages, finalImages, seed,
        granularity.kind() == Granularity.Kind.GROUP, quantization);
  }

  /** These settings with another budget and thread count (what {@code --resume} may change). */
  public SearchSettings withBudget(Budget newBudget, int newThreads) {
    return new SearchSettings(model, data, quant, library, seed, population, newBudget, granularity,
        restrictions, objectives, maxAccuracyDrop, screeningImages, finalImages, newThreads, baselines, quantization,
        surrogate, init, finalExtra);
  }

  /** The settings as a JSON-ready map with the command-line names; {@link #fromMap} reads it back. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("data", data);
    m.put("quant", quant);
    m.put("library", library == null ? "" : library);
    m.put("seed", seed);
    m.put("population", population);
    m.put("generations", budget.generations());
    m.put("budget", budget.time() == null ? "" : Budget.format(budget.time()));
    m.put("granularity", granularity.toString());
    m.put("restrict", restrictions);
    m.put("objectives", objectives.flag());
    m.put("energy", objectives.energy());
    m.put("max_accuracy_drop", Double.isNaN(maxAccuracyDrop) ? "" : maxAccuracyDrop);
    m.put("eval_images", screeningImages);
    m.put("final_images", finalImages);
    m.put("threads", threads);
    m.put("baselines", baselines);
    m.putAll(quantization.toMap());
    m.putAll(surrogate.toMap());
    if (init != Seeding.UNIFORM) {
      m.put("init", init.label());
    }
    if (finalExtra != 0) {
      m.put("final_extra", finalExtra);
    }
    return m;
  }

  /** Reads {@link #toMap()}; throws {@link IllegalArgumentException} or {@link ClassCastException}. */
  @SuppressWarnings("unchecked")
  public static SearchSettings fromMap(Map<String, Object> m) {
    String lib = (String) get(m, "library");
    String time = (String) get(m, "budget");
    Object drop = get(m, "max_accuracy_drop");
    Map<String, List<String>> restrict = (Map<String, List<String>>) get(m, "restrict");
    return new SearchSettings((String) get(m, "model"), (String) get(m, "data"), (String) get(m, "quant"),
        lib.isEmpty() ? null : lib, ((Number) get(m, "seed")).longValue(), ((Number) get(m, "population")).intValue(),
        new Budget(((Number) get(m, "generations")).intValue(), time.isEmpty() ? null : Budget.parseDuration(time)),
        Granularity.parse((String) get(m, "granularity")), restrict,
        ObjectiveSet.parse((String) get(m, "objectives"), (String) get(m, "energy")),
        drop instanceof Number n ? n.doubleValue() : Double.NaN, ((Number) get(m, "eval_images")).intValue(),
        ((Number) get(m, "final_images")).intValue(), ((Number) get(m, "threads")).intValue(),
        (List<String>) get(m, "baselines"), QuantOptions.fromMap(m), SurrogateOptions.fromMap(m),
        m.containsKey("init") ? Seeding.parse((String) m.get("init")) : Seeding.UNIFORM,
        m.containsKey("final_extra") ? ((Number) m.get("final_extra")).intValue() : 0);
  }

  private static Object get(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("settings: missing " + key);
    }
    return v;
  }

  /** Builder: {@code set...} for required settings, {@code opt...} for those with defaults. */
  public static final class Builder {
    private String model;
    private String data;
    private String quant = "sym";
    private String library;
    private long seed = 1;
    private int population = 32;
    private int generations;
    private Duration time;
    private Granularity granularity = Granularity.layer();
    private Map<String, List<String>> restrictions = Map.of();
    private ObjectiveSet objectives = ObjectiveSet.parse("accuracy,energy", "multiplier");
    private double maxAccuracyDrop = Double.NaN;
    private int screeningImages = 1000;
    private int finalImages;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private List<String> baselines = ALL_BASELINES;
    private QuantOptions quantization = QuantOptions.defaults();
    private SurrogateOptions surrogate = SurrogateOptions.OFF;
    private Seeding init = Seeding.UNIFORM;
    private int finalExtra;

    public Builder setModel(String v) {
      model = v;
      return this;
    }

    public Builder setData(String v) {
      data = v;
      return this;
    }

    /** At least one of {@link #setGenerations} and {@link #setTimeBudget} is required. */
    public Builder setGenerations(int v) {
      generations = v;
      return this;
    }

    public Builder setTimeBudget(Duration v) {
      time = v;
      return this;
    }

    public Builder optQuant(String v) {
      quant = v;
      return this;
    }

    public Builder optLibrary(String v) {
      library = v;
      return this;
    }

    public Builder optSeed(long v) {
      seed = v;
      return this;
    }

    public Builder optPopulation(int v) {
      population = v;
      return this;
    }

    public Builder optGranularity(Granularity v) {
      granularity = v;
      return this;
    }

    public Builder optRestrictions(Map<String, List<String>> v) {
      restrictions = v;
      return this;
    }

    public Builder optObjectives(ObjectiveSet v) {
      objectives = v;
      return this;
    }

    public Builder optMaxAccuracyDrop(double points) {
      maxAccuracyDrop = points;
      return this;
    }

    public Builder optScreeningImages(int v) {
      screeningImages = v;
      return this;
    }

    public Builder optFinalImages(int v) {
      finalImages = v;
      return this;
    }

    public Builder optThreads(int v) {
      threads = v;
      return this;
    }

    public Builder optBaselines(List<String> v) {
      baselines = v;
      return this;
    }

    public Builder optQuantization(QuantOptions v) {
      quantization = v;
      return this;
    }

    public Builder optSurrogate(SurrogateOptions v) {
      surrogate = v;
      return this;
    }

    public Builder optInit(Seeding v) {
      init = v;
      return this;
    }

    /** Feasible points beside the archive evaluated at final fidelity ({@link FinalCandidates}; default 0). */
    public Builder optFinalExtra(int v) {
      finalExtra = v;
      return this;
    }

    public SearchSettings build() {
      return new SearchSettings(model, data, quant, library, seed, population, new Budget(generations, time),
          granularity, restrictions, objectives, maxAccuracyDrop, screeningImages, finalImages, threads,
          baselines, quantization, surrogate, init, finalExtra);
    }
  }
}
