/**
 * Weight sharing after calibration, for searching k per layer: each (layer, k) is clustered once and each (layer,
 * k, width) quantized once with the activation parameters of the unshared calibration, so one simulation session
 * serves every sharing plan. The search and the replay of a deployment use the same class, so they agree bit for
 * bit. Depends on {@code share}, {@code quant}, {@code engine} and {@code model}; nothing depends on it but callers.
 */
package org.axdse.simulator.share.variant;
