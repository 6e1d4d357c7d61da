package org.axdse.simulator.onnx;

import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/** Turns one ONNX node into IR layers (or into a constant or an alias) inside an import. */
@FunctionalInterface
interface OpConverter {
  void convert(ImportContext ctx, NodeProto node, NodeAttributes attrs);
}
