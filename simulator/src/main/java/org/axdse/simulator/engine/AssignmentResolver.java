package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantConfig;

/**
 * Resolves an {@link Assignment} against a model and a multiplier catalog. A key is an approximable layer's name,
 * or else its index ({@code "3"}); multipliers must exist and have the format of the quantization ({@code s8xN}
 * for symmetric, {@code u8xN} for asymmetric, N the weight bits); a per-channel list must have one name per output
 * channel (gate rows for LSTM and GRU); {@value #EXACT} names the exact reference of that format. Every
 * problem is a one-line {@link BadInputException}. Compiled lookup tables are cached per multiplier name. Thread-safe.
 */
public final class AssignmentResolver {
  private final Model model;
  private final List<ApproximableLayer> layers;
  private final MultiplierCatalog catalog;
  private final MultiplierFormat format;
  private final java.util.Set<MultiplierFormat> formats;
  private final String quantLabel;
  private final boolean forceLookup;
  private final Map<String, LookupTable> tables = new ConcurrentHashMap<>();

  public AssignmentResolver(Model model, MultiplierCatalog catalog, MultiplierFormat format, String quantLabel,
      boolean forceLookup) {
    this(model, catalog, format, java.util.Set.of(format), quantLabel, forceLookup);
  }

  /**
   * A resolver accepting multipliers of any of {@code formats} (mixed weight widths, see {@link WidthSet}); their
   * tables are laid out in {@code format}, the engine's (the widest), which names the exact reference.
   */
  public AssignmentResolver(Model model, MultiplierCatalog catalog, MultiplierFormat format,
      java.util.Set<MultiplierFormat> formats, String quantLabel, boolean forceLookup) {
    this.formats = java.util.Set.copyOf(formats);
    this.model = model;
    this.layers = model.approximableLayers();
    this.catalog = catalog;
    this.format = format;
    this.quantLabel = quantLabel;
    this.forceLookup = forceLookup;
  }

  /**
   * The resolver of a model quantized as {@code config}: multipliers must have the format of its mode and weight
   * width. Sessions use it, and commands check an assignment with it before calibrating.
   */
  public static AssignmentResolver forConfig(Model model, MultiplierCatalog catalog, QuantConfig config,
      boolean forceLookup) {
    return new AssignmentResolver(model, catalog, config.mode().format(config.weightBits()),
        config.mode().label() + " quantization with " + config.weightBits() + "-bit weights", forceLookup);
  }

  /** The resolver of a run whose layers may use any width of {@code widths} (the config's width the widest). */
  public static AssignmentResolver forWidths(Model model, MultiplierCatalog catalog, QuantConfig config,
      WidthSet widths, boolean forceLookup) {
    if (widths.single()) {
      return forConfig(model, catalog, config, forceLookup);
    }
    return new AssignmentResolver(model, catalog, config.mode().format(config.weightBits()),
        widths.formats(config.mode()), config.mode().label() + " quantization with " + widths.label()
        + "-bit weights", forceLookup);
  }

  /** The weight width of each channel's multiplier (one entry for a uniform layer). */
  public int[] widths(ResolvedLayer r) {
    return r.multipliers().stream().mapToInt(n -> catalog.byName(n).format().weightBits()).toArray();
  }

  /** Output channels of an approximable layer: what a per-channel list indexes (gate rows for LSTM/GRU). */
  public static int channels(ApproximableLayer l) {
    return switch (l) {
      case ConvLayer c -> c.outC();
      case DenseLayer d -> d.outFeatures();
      case LstmLayer r -> 4 * r.hidden();
      case GruLayer r -> 3 * r.hidden();
    };
  }

  /** One entry per approximable layer, in index order; layers the assignment does not name are exact. */
  public List<ResolvedLayer> resolve(Assignment assignment) {
    LayerAssignment[] chosen = new LayerAssignment[layers.size()];
    String[] keyOf = new String[layers.size()];
    for (var e : assignment.layers().entrySet()) {
      int index = indexOf(e.getKey());
      if (chosen[index] != null) {
        throw new BadInputException("assignment: layer '" + layers.get(index).name() + "' is given twice (as '"
            + keyOf[index] + "' and '" + e.getKey() + "')");
      }
      chosen[index] = e.getValue();
      keyOf[index] = e.getKey();
    }
    List<ResolvedLayer> out = new ArrayList<>(layers.size());
    for (int i = 0; i < layers.size(); i++) {
      out.add(resolve(i, chosen[i]));
    }
    return out;
  }

  private ResolvedLayer resolve(int index, LayerAssignment a) {
    ApproximableLayer l = layers.get(index);
    if (a == null) {
      return new ResolvedLayer(index, l.name(), List.of(exactName()), null);
    }
    int channels = channels(l);
    if (a instanceof LayerAssignment.PerChannel p && p.multipliers().size() != channels) {
      throw new BadInputException("assignment: layer '" + l.name() + "' has " + channels + " output channels but "
          + p.multipliers().size() + " multipliers were given");
    }
    List<String> names = (switch (a) {
      case LayerAssignment.Uniform u -> List.of(u.multiplier());
      case LayerAssignment.PerChannel p -> p.multipliers();
    }).stream().map(n -> n.equals(EXACT) ? exactName() : n).toList();
    ResolvedLayer floatLayer = FloatLayers.resolve(catalog, l, index, names);
    if (floatLayer != null) {
      return floatLayer;
    }
    List<LookupTable> compiled = new ArrayList<>(names.size());
    boolean allExact = true;
    for (String name : names) {
      LookupTable t = table(l, name);
      compiled.add(t);
      allExact &= t.isExact();
    }
    if (allExact) {
      return new ResolvedLayer(index, l.name(), names, null);
    }
    RowTables rows = names.size() == 1 ? RowTables.ofLayer(compiled.get(0), channels) : RowTables.ofChannels(compiled);
    return new ResolvedLayer(index, l.name(), names, rows);
  }

  private LookupTable table(ApproximableLayer l, String name) {
    LookupTable cached = tables.get(name);
    if (cached != null) {
      return cached;
    }
    Multiplier m;
    try {
      m = catalog.byName(name);
    } catch (BadInputException e) {
      throw new BadInputException("assignment: layer '" + l.name() + "': " + e.getMessage());
    }
    if (!formats.contains(m.format())) {
      throw new BadInputException("assignment: layer '" + l.name() + "': multiplier '" + name + "' is "
          + m.format() + ", but " + quantLabel + " needs " + formatList() + " multipliers");
    }
    var table = WidenedTable.widen(m.table(), format);
    LookupTable t = !m.format().equals(format) && m.table().isExact() && !forceLookup ? LookupTable.exact(format)
        : forceLookup ? LookupTable.lookupOnly(table) : LookupTable.of(table);
    tables.putIfAbsent(name, t);
    return tables.get(name);
  }

  private String formatList() {
    return formats.stream().sorted(java.util.Comparator.comparingInt(MultiplierFormat::weightBits))
        .map(Object::toString).collect(Collectors.joining(" or "));
  }

  /** The name an assignment (or {@code --uniform}) may use for the exact reference of the run's format. */
  public static final String EXACT = "exact";

  /** The name shown for exact layers: the exact reference design of the format. */
  public String exactName() {
    return format.signed() ? format.namePrefix() + "_exact_bw" : format.namePrefix() + "_exact";
  }

  private int indexOf(String key) {
    int byName = model.approximableIndex(key);
    if (byName >= 0) {
      return byName;
    }
    if (key.matches("\\d{1,9}")) {
      int i = Integer.parseInt(key);
      if (i < layers.size()) {
        return i;
      }
      throw new BadInputException("assignment: layer index " + i + " is out of range (the model has "
          + layers.size() + " approximable layers, 0.." + (layers.size() - 1) + ")");
    }
    throw new BadInputException("assignment: unknown layer '" + key + "' (approximable layers: "
        + IntStream.range(0, layers.size()).mapToObj(i -> i + " " + layers.get(i).name())
            .collect(Collectors.joining(", ")) + ")");
  }
}
