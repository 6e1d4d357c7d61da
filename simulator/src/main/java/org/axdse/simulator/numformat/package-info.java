/**
 * Simulation of approximable layers in a minifloat number format (FP8 E4M3/E5M2, E3M4, the OCP MX element types):
 * weights and activations rounded to the format with a per-tensor, per-channel or OCP MX block scale, products
 * exact, accumulated exactly (Kulisch) or in FP32/FP16/BF16 with round-to-nearest-even, the rest of the network in
 * float32. Invariants: every rounding is to nearest, ties to even; each output element is accumulated in
 * reduction order by one thread, so results are bit-identical on every thread count.
 */
package org.axdse.simulator.numformat;
