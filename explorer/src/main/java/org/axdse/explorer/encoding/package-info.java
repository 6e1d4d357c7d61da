/**
 * The search space and its encoding: approximable layers with their allowed multipliers, the granularity of
 * assignment (per layer, per output channel, per group of channels), per-layer library restrictions, and the
 * codec between one integer chromosome and an {@link org.axdse.simulator.assign.Assignment}. The simulator knows
 * nothing of genes; only this package maps genes to multiplier names.
 */
package org.axdse.explorer.encoding;
