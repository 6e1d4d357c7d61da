package org.axdse.explorer.evolve;

import org.axdse.multipliers.Multiplier;

/**
 * An evolved circuit as written to the library: the multiplier (named {@code <format>_cgp_<layer>_<bound>}), the
 * run that made it and its figures in its layer.
 */
public record EvolvedDesign(Multiplier multiplier, EvolvedRun run, DesignPoint point) {}
