/**
 * The quantized integer engine: runs a {@link org.axdse.simulator.quant.QuantizedModel} on 8-bit codes with a
 * product table per output channel of every approximable layer, and evaluates multiplier assignments through a
 * long-lived {@link org.axdse.simulator.engine.SimulationSession}. Convolution and dense products are table sums
 * from the kernels with exact zero-point cross terms, int32 bias and fixed-point requantization; the other layers
 * work on codes (requantizing where scales change); LSTM/GRU gates and softmax are float. Results are bit-identical
 * for any thread count.
 */
package org.axdse.simulator.engine;
