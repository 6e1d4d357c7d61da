/**
 * Bit-decomposed in-memory computing (IMC) as a second hardware target: an editable architecture description
 * ({@link org.axdse.simulator.imc.ImcArchitecture}), a bit-exact simulator of its dataflow for convolution and
 * dense layers ({@link org.axdse.simulator.imc.ImcLayer}: weights in bit slices across crossbar columns,
 * activations applied bit-plane by bit-plane, each column sum over at most R rows digitized by an ADC, then
 * shifted and added), per-layer approximation knobs ({@link org.axdse.simulator.imc.ImcKnobs}) and the energy and
 * latency model ({@link org.axdse.simulator.imc.ImcCost}). With every plane and slice and a full-resolution ADC
 * the result equals the exact integer engine bit for bit; everything is deterministic for any thread count.
 */
package org.axdse.simulator.imc;
