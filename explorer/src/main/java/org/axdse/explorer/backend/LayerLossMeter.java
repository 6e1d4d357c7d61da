package org.axdse.explorer.backend;

/**
 * Measures {@link LayerLoss}es: an engine's simulation of the network with one layer approximate, on the
 * search's screening images. Deterministic; called from the search's thread only.
 */
@FunctionalInterface
public interface LayerLossMeter {
  /** The figures of the assignment that puts {@code design} on {@code layer} (named as the model names it) only. */
  LayerLoss measure(String layer, String design);
}
