package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;
import org.axdse.simulator.model.AddLayer;
import org.axdse.simulator.model.AffineLayer;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.ConcatLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.ReshapeLayer;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.SoftmaxLayer;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.model.TransposeLayer;
import org.axdse.simulator.model.UnaryLayer;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Runs a {@link QuantizedModel} on 8-bit codes, batch by batch, with one product table per output channel of each
 * approximable layer (exact where none is given). Compiled once: every tensor gets a buffer for the largest batch
 * and a fixed layout (channel-major from convolutions on, through layers that work in either layout; sample-major
 * elsewhere), every layer a step with its weights, zero-point constants and requantization multipliers. A run
 * allocates nothing but small task objects. Not thread-safe: one run at a time (each run uses all the kernels'
 * threads). Results do not depend on the thread count.
 */
public final class IntegerEngine {
  private final Model model;
  private final QuantizedModel quant;
  private final Kernels kernels;
  private final Map<String, Integer> tensorIndex = new HashMap<>();
  private final List<String> tensorNames = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final int approximable;
  private final Activations act;
  private final RunContext ctx;
  private final int input;
  private final int logits;

  /** Compiles {@code model} with {@code quant} for batches of up to {@code maxBatch} samples. */
  public IntegerEngine(Model model, QuantizedModel quant, Kernels kernels, int maxBatch) {
    this.model = model;
    this.quant = quant;
    this.kernels = kernels;
    List<Shape> shapes = new ArrayList<>();
    List<Boolean> cm = new ArrayList<>();
    register(model.input(), false, shapes, cm);
    for (Layer l : model.layers()) {
      register(l.output(), outputChannelMajor(l, cm), shapes, cm);
    }
    boolean[] layout = new boolean[cm.size()];
    for (int i = 0; i < layout.length; i++) {
      layout[i] = cm.get(i);
    }
    this.act = new Activations(shapes.toArray(new Shape[0]), layout, maxBatch);
    this.ctx = new RunContext(kernels, act, new Scratch());
    this.input = tensorIndex.get(model.input().name());
    MultiplierFormat format = quant.config().mode().format(quant.config().weightBits());
    int a = 0;
    for (Layer l : model.layers()) {
      steps.add(compile(l, l.approximable() ? a++ : -1, format));
    }
    this.approximable = a;
    Layer last = model.layers().isEmpty() ? null : model.layers().get(model.layers().size() - 1);
    String logitTensor = last instanceof SoftmaxLayer s && s.output().name().equals(model.output().name())
        ? s.input().name() : model.output().name();
    this.logits = tensorIndex.get(logitTensor);
  }

  /**
   * This engine with the approximable layers of {@code variant} (same model, tensors and config; other weights),
   * sharing this engine's buffers and every step whose layer is unchanged: cheap enough per evaluation. Only one
   * of the two may run at a time (the session serializes runs).
   */
  IntegerEngine sharing(QuantizedModel variant) {
    return new IntegerEngine(this, variant);
  }

  private IntegerEngine(IntegerEngine base, QuantizedModel variant) {
    this.model = base.model;
    this.quant = variant;
    this.kernels = base.kernels;
    this.tensorIndex.putAll(base.tensorIndex);
    this.tensorNames.addAll(base.tensorNames);
    this.act = base.act;
    this.ctx = base.ctx;
    this.input = base.input;
    this.logits = base.logits;
    this.approximable = base.approximable;
    MultiplierFormat format = variant.config().mode().format(variant.config().weightBits());
    int a = 0;
    for (int i = 0; i < model.layers().size(); i++) {
      Layer l = model.layers().get(i);
      int index = l.approximable() ? a++ : -1;
      boolean same = index < 0 || variant.layer(index) == base.quant.layer(index);
      steps.add(same ? base.steps.get(i) : compile(l, index, format));
    }
  }

  private void register(TensorInfo t, boolean channelMajor, List<Shape> shapes, List<Boolean> cm) {
    tensorIndex.put(t.name(), tensorNames.size());
    tensorNames.add(t.name());
    shapes.add(t.shape());
    cm.add(channelMajor);
  }

  private boolean outputChannelMajor(Layer l, List<Boolean> cm) {
    boolean in = cm.get(tensorIndex.get(l.input().name()));
    return switch (l) {
      case ConvLayer c -> true;
      case ClipLayer c -> in;
      case AddLayer c -> in;
      case PoolLayer p -> in;
      case AffineLayer f -> in && affineInEitherLayout(f);
      default -> false;
    };
  }

  private static boolean affineInEitherLayout(AffineLayer f) {
    return f.scale().length == 1 || f.axis() == 0;
  }

  private int t(TensorInfo info) {
    return tensorIndex.get(info.name());
  }

  private QuantParams p(TensorInfo info) {
    return quant.tensor(info.name());
  }

  private Step compile(Layer l, int index, MultiplierFormat f) {
    int out = t(l.output());
    int in = t(l.input());
    boolean cm = act.channelMajor(out);
    return switch (l) {
      case ConvLayer c -> {
        LayerQuantization q = quant.layer(index);
        yield new ConvStep(index, c, q, in, out, weights(q, c.outC(), f), exactTables(f, c.outC()),
            range(l));
      }
      case DenseLayer d -> {
        LayerQuantization q = quant.layer(index);
        yield new DenseStep(index, d, q, in, out, weights(q, d.outFeatures(), f), exactTables(f, d.outFeatures()),
            range(l));
      }
      case LstmLayer r -> new LstmStep(index, r, quant.layer(index), in, out, f);
      case GruLayer r -> new GruStep(index, r, quant.layer(index), in, out, f);
      case ClipLayer c -> LutStep.clip(c, in, out, cm, p(l.input()), p(l.output()));
      case AffineLayer a -> LutStep.affine(a, in, out, cm, p(l.input()), p(l.output()), range(l));
      case AddLayer a -> new AddStep(in, t(a.inputs().get(1)), out, cm, p(a.inputs().get(0)), p(a.inputs().get(1)),
          p(l.output()), range(l));
      case PoolLayer p -> new PoolStep(p, in, out, cm, p(l.input()), p(l.output()), range(l));
      case ReshapeLayer r -> GatherStep.reshape(in, out, r.output().shape().size());
      case TransposeLayer m -> GatherStep.move(m, in, out, p(l.input()));
      case SliceLayer m -> GatherStep.move(m, in, out, p(l.input()));
      case PadLayer m -> GatherStep.move(m, in, out, p(l.input()));
      case ResizeLayer m -> GatherStep.move(m, in, out, p(l.input()));
      case ConcatLayer c -> GatherStep.concat(c, c.inputs().stream().mapToInt(this::t).toArray(), out,
          c.inputs().stream().map(this::p).toList(), p(l.output()));
      case SoftmaxLayer s -> new SoftmaxStep(s, in, out, p(l.input()), p(l.output()));
      case UnaryLayer u -> LutStep.unary(u, in, out, cm, p(l.input()), p(l.output()));
      case BroadcastLayer b -> new BroadcastStep(b, in, t(b.inputs().get(1)), out, p(b.inputs().get(0)),
          p(b.inputs().get(1)), p(l.output()), range(l));
    };
  }

  /**
   * The output code range of a requantizing layer: all codes, cut to the clip range when a Clip/ReLU is fused
   * into it (its only reader, with the same parameters).
   */
  private int[] range(Layer l) {
    QuantParams po = p(l.output());
    int lo = po.qmin();
    int hi = po.qmax();
    ClipLayer c = ModelQuantizer.fusedClip(model, l);
    if (c != null && quant.tensor(c.output().name()).equals(po)) {
      lo = Math.max(lo, po.quantize(Math.max(c.min(), -Float.MAX_VALUE)));
      hi = Math.min(hi, po.quantize(Math.min(c.max(), Float.MAX_VALUE)));
    }
    return new int[] {lo, hi};
  }

  private static WeightMatrix weights(LayerQuantization q, int rows, MultiplierFormat f) {
    int n = q.weights().channels() * q.weights().perChannel();
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = q.weights().code(i);
    }
    return WeightMatrix.ofValues(f, rows, n / rows, values);
  }

  private static RowTables exactTables(MultiplierFormat f, int rows) {
    return RowTables.ofLayer(LookupTable.exact(f), rows);
  }

  public Model model() {
    return model;
  }

  public QuantizedModel quantization() {
    return quant;
  }

  public int maxBatch() {
    return act.maxBatch();
  }

  /** Values per sample of the logits tensor (the model output, or the input of a final softmax). */
  public int logitsPerSample() {
    return act.perSample(logits);
  }

  /** Parameters of the logits tensor. */
  public QuantParams logitParams() {
    return quant.tensor(tensorNames.get(logits));
  }

  /**
   * Runs {@code batch} samples whose input codes are {@code inputCodes[offset ..]} (sample-major), with
   * {@code tables[i]} for approximable layer i (null: exact) and, when {@code stats} is not null, accumulator
   * error statistics of the non-exact layers added to {@code stats[i]}. Returns the logit codes, sample-major
   * ({@code batch * logitsPerSample()} bytes, valid until the next run).
   */
  byte[] run(byte[] inputCodes, int offset, int batch, RowTables[] tables, ErrorStatistics[] stats, TensorTap tap) {
    return run(inputCodes, offset, batch, tables, stats, tap, null);
  }

  /** As the six-argument form, with {@code hook} (null: none) shown every accumulator before requantization. */
  byte[] run(byte[] inputCodes, int offset, int batch, RowTables[] tables, ErrorStatistics[] stats, TensorTap tap,
      AccumulatorHook hook) {
    return run(inputCodes, offset, batch, tables, stats, tap, hook, null);
  }

  /** As the seven-argument form, with {@code flows[i]} (null array or entry: none) computing layer i's sums. */
  byte[] run(byte[] inputCodes, int offset, int batch, RowTables[] tables, ErrorStatistics[] stats, TensorTap tap,
      AccumulatorHook hook, LayerDataflow[] flows) {
    if (flows != null) {
      ctx.dataflows = flows;
      try {
        return run(inputCodes, offset, batch, tables, stats, tap, hook, null);
      } finally {
        ctx.dataflows = null;
      }
    }
    if (tables.length != approximable) {
      throw new IllegalArgumentException(tables.length + " table sets for " + approximable + " approximable layers");
    }
    act.begin(batch);
    ctx.tables = tables;
    ctx.stats = stats;
    ctx.hook = hook;
    int per = act.perSample(input);
    System.arraycopy(inputCodes, offset, act.write(input), 0, batch * per);
    tap.observe(model.input().name(), act.write(input), batch, per, false);
    List<Layer> layers = model.layers();
    for (int i = 0; i < steps.size(); i++) {
      steps.get(i).run(ctx);
      int out = t(layers.get(i).output());
      tap.observe(tensorNames.get(out), act.write(out), batch, act.perSample(out), act.channelMajor(out));
    }
    return act.read(logits, false);
  }

  /** As {@link #run(byte[], int, int, RowTables[], ErrorStatistics[], TensorTap)}, exact, without statistics. */
  public byte[] runExact(byte[] inputCodes, int offset, int batch, TensorTap tap) {
    return run(inputCodes, offset, batch, new RowTables[approximable], null, tap);
  }

  /**
   * Runs with {@code dataflows[i]} computing the accumulators of approximable layer i (null entries: the exact
   * kernels), no tables and no statistics.
   */
  public byte[] run(byte[] inputCodes, int offset, int batch, LayerDataflow[] dataflows, TensorTap tap) {
    if (dataflows.length != approximable) {
      throw new IllegalArgumentException(dataflows.length + " dataflows for " + approximable + " approximable layers");
    }
    ctx.dataflows = dataflows;
    try {
      return run(inputCodes, offset, batch, new RowTables[approximable], null, tap);
    } finally {
      ctx.dataflows = null;
    }
  }

  /** Runs with the given tables (null entries exact) and no statistics. */
  public byte[] run(byte[] inputCodes, int offset, int batch, RowTables[] tables, TensorTap tap) {
    return run(inputCodes, offset, batch, tables, null, tap);
  }

  Kernels kernels() {
    return kernels;
  }

  /**
   * Runs steps {@code first..} of a batch of {@code batch} samples (exact where {@code tables[i]} is null, no
   * statistics, no hook): {@code fill} writes the tensors those steps read from earlier ones, {@code afterStep}
   * sees the index of each step run. Used by {@link PrefixRun} to resume from a cached prefix of layers.
   */
  byte[] runFrom(int first, int batch, RowTables[] tables, Runnable fill, java.util.function.IntConsumer afterStep) {
    act.begin(batch);
    ctx.tables = tables;
    ctx.stats = null;
    ctx.hook = null;
    fill.run();
    for (int i = first; i < steps.size(); i++) {
      steps.get(i).run(ctx);
      afterStep.accept(i);
    }
    return act.read(logits, false);
  }

  Activations activations() {
    return act;
  }

  int tensor(String name) {
    return tensorIndex.get(name);
  }

  int logitsTensor() {
    return logits;
  }
}
