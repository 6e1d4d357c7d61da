package org.axdse.simulator.numformat;

import java.util.Locale;

/**
 * Where a float-format layer's scales come from. {@link #TENSOR}: one scale for the weights and one for the
 * activations, {@code amax / maxFinite}. {@link #CHANNEL}: one weight scale per output channel, activations per
 * tensor. {@link #MX32}: OCP Microscaling (MX Specification v1.0, 2023): every block of 32 values along the
 * reduction axis shares a power-of-two scale {@code 2^(floor(log2 amax) - emax)}, {@code emax} the exponent of the
 * element format's largest normal, for weights and activations alike.
 */
public enum ScaleKind {
  TENSOR,
  CHANNEL,
  MX32;

  /** Values per MX block. */
  public static final int BLOCK = 32;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scale named {@code text} (case-insensitive), or null. */
  public static ScaleKind parse(String text) {
    for (ScaleKind s : values()) {
      if (s.label().equalsIgnoreCase(text)) {
        return s;
      }
    }
    return null;
  }
}
