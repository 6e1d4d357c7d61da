package org.axdse.simulator.predict;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.engine.CachedPhase;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The simulated assignments an accuracy map is fitted on: {@code n} random layer-wise assignments of the
 * library's multipliers of the model's format ({@link RandomAssignments}), every second one compensated with
 * weight tuning and bias correction ({@code both}), each simulated bit-exactly on the session's images. The
 * simulated top-1 values go through the result cache (key: model file, quantization, images and labels, the
 * draws and the product tables they use).
 */
public final class FitPoints {
  /** One drawn assignment and its compensation (null: none). */
  public record Draw(Assignment assignment, CompensationMethod method) {}

  private FitPoints() {}

  /** The library's approximate multipliers of {@code quant}'s format (exact references left out). */
  public static List<String> candidates(MultiplierCatalog catalog, QuantizedModel quant) {
    var format = quant.config().mode().format(quant.config().weightBits());
    return catalog.all(format).stream().map(Multiplier::name).filter(n -> !n.contains("_exact")).toList();
  }

  /** {@code n} draws from {@code seed} over the describable layers; every odd one compensated {@code both}. */
  public static List<Draw> draws(List<ApproximableLayer> layers, List<String> candidates, int n, long seed) {
    RandomAssignments r = new RandomAssignments(layers.stream().map(ApproximableLayer::name).toList(), candidates,
        seed);
    List<Draw> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Draw(r.next(), i % 2 == 1 ? CompensationMethod.WEIGHTS_AND_BIAS : null));
    }
    return out;
  }

  /** The simulated top-1 (fractions) of {@code draws} on every image of {@code session}. */
  public static double[] simulate(SimulationSession session, AccuracyPredictor predictor, List<Draw> draws,
      ProgressListener progress) {
    double[] top1 = new double[draws.size()];
    try (ProgressListener.Task t = progress.start("fit points", draws.size(), "assignments")) {
      for (int i = 0; i < top1.length; i++) {
        top1[i] = simulate(session, predictor, draws.get(i));
        t.advance(1);
      }
    }
    return top1;
  }

  /** One draw's simulated top-1, exactly as {@code axdse evaluate} computes it. */
  public static double simulate(SimulationSession session, AccuracyPredictor predictor, Draw d) {
    return (d.method() == null ? session.evaluate(d.assignment())
        : session.evaluate(d.assignment(), predictor.compensation(d.assignment(), d.method())
            .applyTo(session.quantization()))).assignment().top1();
  }

  /** {@link #simulate} through {@code cache}. */
  public static double[] cached(ResultCache cache, SimulationSession session, AccuracyPredictor predictor,
      MultiplierCatalog catalog, String modelSha256, List<Draw> draws, ProgressListener progress,
      Consumer<SetupPhase> phases) {
    return CachedPhase.get("fit points", cache, () -> key(session, catalog, modelSha256, draws),
        body -> decode(body, draws.size()), () -> simulate(session, predictor, draws, progress), FitPoints::encode,
        phases);
  }

  private static CacheKey key(SimulationSession session, MultiplierCatalog catalog, String modelSha256,
      List<Draw> draws) {
    CacheKey.Builder b = SessionKey.of("fit-points", session, modelSha256);
    for (Draw d : draws) {
      Map<String, String> sorted = new TreeMap<>();
      d.assignment().layers().forEach((layer, a) -> sorted.put(layer, a.toString()));
      b.add(sorted.toString()).add(d.method() == null ? "none" : d.method().label());
      for (String name : d.assignment().multipliersUsed()) {
        b.add(catalog.byName(name).table().contentHash());
      }
    }
    return b.build();
  }

  private static byte[] encode(double[] top1) {
    ByteBuffer b = ByteBuffer.allocate(8 * top1.length);
    for (double v : top1) {
      b.putDouble(v);
    }
    return b.array();
  }

  private static double[] decode(byte[] body, int n) {
    if (body.length != 8 * n) {
      throw new IllegalArgumentException(body.length + " bytes for " + n + " points");
    }
    ByteBuffer b = ByteBuffer.wrap(body);
    double[] top1 = new double[n];
    for (int i = 0; i < n; i++) {
      top1[i] = b.getDouble();
      if (!(top1[i] >= 0 && top1[i] <= 1)) {
        throw new IllegalArgumentException("top-1 " + top1[i]);
      }
    }
    return top1;
  }
}
