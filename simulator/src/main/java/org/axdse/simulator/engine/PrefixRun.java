package org.axdse.simulator.engine;

import java.util.List;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.kernels.RowTables;

/**
 * One evaluation through a {@link PrefixCache}: finds the deepest cut whose state the cache holds for this
 * assignment's prefix and these images, runs every batch from there (from the input when none), and stores the
 * states at the deeper cuts it passes, once every batch has run. A state is the live tensors of each batch in
 * turn, each as the engine buffer holds it ({@code n * perSample} bytes in the tensor's layout), so restoring it
 * into any engine compiled from the same model gives the buffers a full run would have.
 */
final class PrefixRun {
  private final PrefixCache cache;
  private final IntegerEngine engine;
  private final PrefixCuts cuts;
  private final CacheKey[] keys;
  private final int start;
  private final byte[] resume;
  private final byte[][] capture;

  PrefixRun(PrefixCache cache, IntegerEngine engine, List<ResolvedLayer> resolved, int[] indices, int batch) {
    this.cache = cache;
    this.engine = engine;
    this.cuts = new PrefixCuts(engine);
    this.keys = PrefixKeys.of(engine.quantization(), resolved, indices, batch);
    int s = 0;
    byte[] r = null;
    for (int j = cuts.count() - 1; j > 0 && r == null; j--) {
      if (cuts.step(j) > 0) {
        r = cache.get(keys[j]);
        s = r == null ? 0 : j;
      }
    }
    this.start = s;
    this.resume = r;
    this.capture = new byte[cuts.count()][];
    for (int j = start + 1; j < cuts.count(); j++) {
      long size = (long) indices.length * cuts.bytesPerSample(j);
      if (cuts.step(j) > 0 && size > 0 && cache.fits(size)) {
        capture[j] = new byte[Math.toIntExact(size)];
      }
    }
  }

  /**
   * Runs the {@code n} samples of {@code inputCodes} that start at image position {@code from} of the image list,
   * resuming from the cached state when there is one and capturing the deeper states. Returns the logit codes.
   */
  byte[] runBatch(byte[] inputCodes, int from, int n, RowTables[] tables) {
    Activations act = engine.activations();
    int input = engine.tensor(engine.model().input().name());
    Runnable fill = resume == null
        ? () -> System.arraycopy(inputCodes, 0, act.write(input), 0, n * act.perSample(input))
        : () -> copy(act, start, resume, from, n, true);
    return engine.runFrom(resume == null ? 0 : cuts.step(start), n, tables, fill, step -> {
      int j = cuts.cutAfterStep(step);
      if (j > start && capture[j] != null) {
        copy(act, j, capture[j], from, n, false);
      }
    });
  }

  /** Stores the captured states (call once every batch has run) and records the evaluation. */
  void finish(int images) {
    for (int j = start + 1; j < capture.length; j++) {
      if (capture[j] != null) {
        cache.put(keys[j], capture[j], (double) cuts.macsBefore(j) / cuts.bytesPerSample(j));
      }
    }
    cache.record(images, resume == null ? 0 : cuts.macsBefore(start), cuts.macsTotal());
  }

  private void copy(Activations act, int cut, byte[] state, int from, int n, boolean restore) {
    int offset = Math.toIntExact(from * cuts.bytesPerSample(cut));
    for (int t : cuts.live(cut)) {
      int size = n * act.perSample(t);
      if (restore) {
        System.arraycopy(state, offset, act.write(t), 0, size);
      } else {
        System.arraycopy(act.write(t), 0, state, offset, size);
      }
      offset += size;
    }
  }
}
