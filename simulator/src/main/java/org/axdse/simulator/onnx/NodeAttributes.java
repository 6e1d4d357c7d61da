package org.axdse.simulator.onnx;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axdse.simulator.onnx.proto.OnnxSubset.AttributeProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/** Typed access to a node's attributes, with the check that a converter understands every attribute present. */
final class NodeAttributes {
  private final ImportContext ctx;
  private final NodeProto node;
  private final Map<String, AttributeProto> byName = new HashMap<>();

  NodeAttributes(ImportContext ctx, NodeProto node) {
    this.ctx = ctx;
    this.node = node;
    for (AttributeProto a : node.getAttributeList()) {
      byName.put(a.getName(), a);
    }
  }

  /** Fails on the first attribute not in {@code known}. */
  void allowOnly(String... known) {
    Set<String> ok = Set.of(known);
    for (AttributeProto a : node.getAttributeList()) {
      if (!ok.contains(a.getName())) {
        throw ctx.fail(node, "unsupported attribute '" + a.getName() + "'");
      }
    }
  }

  boolean has(String name) {
    return byName.containsKey(name);
  }

  long i(String name, long dflt) {
    AttributeProto a = byName.get(name);
    return a == null ? dflt : a.getI();
  }

  float f(String name, float dflt) {
    AttributeProto a = byName.get(name);
    return a == null ? dflt : a.getF();
  }

  String s(String name, String dflt) {
    AttributeProto a = byName.get(name);
    return a == null ? dflt : a.getS().toString(StandardCharsets.UTF_8);
  }

  /** The ints attribute, or null when absent. */
  long[] ints(String name) {
    AttributeProto a = byName.get(name);
    return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
  }

  float[] floats(String name) {
    AttributeProto a = byName.get(name);
    if (a == null) {
      return null;
    }
    float[] v = new float[a.getFloatsCount()];
    for (int k = 0; k < v.length; k++) {
      v[k] = a.getFloats(k);
    }
    return v;
  }

  List<String> strings(String name) {
    AttributeProto a = byName.get(name);
    return a == null ? null : a.getStringsList().stream().map(b -> b.toString(StandardCharsets.UTF_8)).toList();
  }

  AttributeProto raw(String name) {
    return byName.get(name);
  }

  /** Fails unless integer attribute {@code name} (default {@code dflt}) is one of {@code allowed}. */
  long requireInt(String name, long dflt, long... allowed) {
    long v = i(name, dflt);
    for (long a : allowed) {
      if (a == v) {
        return v;
      }
    }
    throw ctx.fail(node, "unsupported attribute '" + name + "'=" + v);
  }
}
