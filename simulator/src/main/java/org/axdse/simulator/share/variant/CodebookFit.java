package org.axdse.simulator.share.variant;

import org.axdse.simulator.model.Model;
import org.axdse.simulator.share.SharedModel;

/**
 * A data-aware change of the shared values {@link SharedQuantizations} clusters: when the base quantization's
 * {@code rounding()} is also a {@code CodebookFit}, every shared layer's k-means values pass through {@link #refit}
 * before they are quantized. Deterministic and thread-safe.
 */
public interface CodebookFit {
  /** {@code shared} (made from {@code original} by k-means) with its shared values refitted. */
  SharedModel refit(Model original, SharedModel shared);
}
