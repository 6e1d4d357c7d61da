/**
 * Export of trained networks to ONNX. {@link org.axdse.explorer.training.export.ExportGraph} is a DJL-free
 * description of the inference graph (BatchNorm already folded into the preceding convolution or Gemm), and
 * {@link org.axdse.explorer.training.export.OnnxWriter} turns it into the ONNX protobuf the simulator reads.
 */
package org.axdse.explorer.training.export;
