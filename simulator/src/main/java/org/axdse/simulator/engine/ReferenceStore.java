package org.axdse.simulator.engine;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.cache.ResultCache;

/**
 * A session's way to its reference results: read from the {@link ResultCache} when a valid entry fits, else
 * computed and stored. Each call reports a {@link SetupPhase} saying which happened and why.
 */
final class ReferenceStore {
  private final ResultCache cache;
  private final int images;
  private final int classes;
  private final Consumer<SetupPhase> phases;

  ReferenceStore(ResultCache cache, int images, int classes, Consumer<SetupPhase> phases) {
    this.cache = cache;
    this.images = images;
    this.classes = classes;
    this.phases = phases;
  }

  /** The results cached under {@code key}, else {@code compute}d (and stored); the key is only built when used. */
  ReferenceResults get(String phase, Supplier<CacheKey> key, Supplier<ReferenceResults> compute) {
    SetupPhase.Clock clock = SetupPhase.start();
    CacheKey k = cache.enabled() ? key.get() : null;
    ResultCache.Lookup found = k == null ? null : cache.get(k);
    if (found != null && found.hit()) {
      try {
        ReferenceResults r = ReferenceResults.fromBytes(found.body(), images, classes);
        phases.accept(clock.stop(phase, "cached"));
        return r;
      } catch (IllegalArgumentException e) {
        found = new ResultCache.Lookup(null, "invalid (" + e.getMessage() + ")");
      }
    }
    ReferenceResults r = compute.get();
    if (k != null) {
      cache.put(k, r.toBytes());
    }
    String how = found == null || found.problem().equals("missing") ? "computed" : "recomputed: " + found.problem();
    phases.accept(clock.stop(phase, how));
    return r;
  }
}
