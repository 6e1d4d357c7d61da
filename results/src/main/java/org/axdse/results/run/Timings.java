package org.axdse.results.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Wall-clock seconds of the whole run and of its named phases (e.g. calibration, search, final evaluation). */
public record Timings(double totalSeconds, Map<String, Double> phases) {
  public Timings {
    if (!(totalSeconds >= 0) || Double.isInfinite(totalSeconds)) {
      throw new IllegalArgumentException("total seconds must be finite and >= 0: " + totalSeconds);
    }
    Objects.requireNonNull(phases, "phases");
    for (Map.Entry<String, Double> e : phases.entrySet()) {
      if (e.getKey() == null || e.getValue() == null || !(e.getValue() >= 0)) {
        throw new IllegalArgumentException("phase " + e.getKey() + " needs seconds >= 0, not " + e.getValue());
      }
    }
    phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  /** No timings recorded. */
  public static Timings none() {
    return new Timings(0, Map.of());
  }
}
