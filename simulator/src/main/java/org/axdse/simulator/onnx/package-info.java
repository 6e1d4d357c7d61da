/**
 * ONNX import and export through a hand-written subset of the ONNX protobuf schema
 * ({@code src/main/proto/onnx_subset.proto}). {@link org.axdse.simulator.onnx.OnnxImporter} turns a model file
 * into the {@link org.axdse.simulator.model.Model} IR, folding batch normalization and constant affine operations
 * into the preceding layer where it can; anything it cannot represent exactly is a one-line
 * {@link org.axdse.multipliers.util.BadInputException} naming the file, node, operator and attribute.
 * {@link org.axdse.simulator.onnx.OnnxGraphBuilder} writes ONNX node by node and
 * {@link org.axdse.simulator.onnx.OnnxExporter} writes a whole IR model.
 */
package org.axdse.simulator.onnx;
