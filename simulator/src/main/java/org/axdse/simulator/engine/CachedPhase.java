package org.axdse.simulator.engine;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.cache.ResultCache;

/**
 * One setup phase whose result may come from a {@link ResultCache}: read when a valid entry fits, else computed
 * and stored. The phase reported says which happened and, for a recomputation, what was wrong with the entry.
 */
public final class CachedPhase {
  private CachedPhase() {}

  /**
   * The result stored under the key, if its body {@code decode}s (decode throws IllegalArgumentException for one
   * that does not fit), else {@code compute}d and stored {@code encode}d. The key is only built when the cache is
   * on; the phase goes to {@code phases}.
   */
  public static <T> T get(String phase, ResultCache cache, Supplier<CacheKey> key, Function<byte[], T> decode,
      Supplier<T> compute, Function<T, byte[]> encode, Consumer<SetupPhase> phases) {
    SetupPhase.Clock clock = SetupPhase.start();
    CacheKey k = cache.enabled() ? key.get() : null;
    ResultCache.Lookup found = k == null ? null : cache.get(k);
    if (found != null && found.hit()) {
      try {
        T cached = decode.apply(found.body());
        phases.accept(clock.stop(phase, "cached"));
        return cached;
      } catch (IllegalArgumentException e) {
        found = new ResultCache.Lookup(null, "invalid (" + e.getMessage() + ")");
      }
    }
    T r = compute.get();
    if (k != null) {
      cache.put(k, encode.apply(r));
    }
    String how = found == null || found.problem().equals("missing") ? "computed" : "recomputed: " + found.problem();
    phases.accept(clock.stop(phase, how));
    return r;
  }
}
