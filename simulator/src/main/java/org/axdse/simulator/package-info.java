/**
 * Bit-exact simulation of quantized networks whose multiplications go through product tables: ONNX import,
 * quantization, kernels, datasets and the energy model.
 */
package org.axdse.simulator;
