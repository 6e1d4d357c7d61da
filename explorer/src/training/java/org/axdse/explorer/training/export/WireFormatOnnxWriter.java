package org.axdse.explorer.training.export;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes ONNX protobuf with protobuf-java's {@link CodedOutputStream}, field numbers as in {@code onnx.proto}
 * (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto). Float tensors go in
 * {@code raw_data} (little-endian), as the ONNX tools write them. Attributes are written in name order so the
 * bytes depend only on the graph.
 */
final class WireFormatOnnxWriter implements OnnxWriter {

  private static final long IR_VERSION = 7;
  private static final int FLOAT = 1;
  private static final int INT64 = 7;

  @Override
  public byte[] toBytes(ExportGraph graph) {
    return message(out -> {
      out.writeInt64(1, IR_VERSION);
      out.writeString(2, "axdse");
      out.writeString(3, "0.1");
      out.writeByteArray(7, graph(graph));
      out.writeByteArray(8, message(o -> {
        o.writeString(1, "");
        o.writeInt64(2, ExportGraph.OPSET);
      }));
    });
  }

  private static byte[] graph(ExportGraph g) {
    return message(out -> {
      for (ExportGraph.Node n : g.nodes()) {
        out.writeByteArray(1, node(n));
      }
      out.writeString(2, g.name());
      for (ExportGraph.Tensor t : g.initializers()) {
        out.writeByteArray(5, tensor(t));
      }
      long[] in = g.inputShape();
      long[] inDims = new long[in.length + 1];
      inDims[0] = -1;
      System.arraycopy(in, 0, inDims, 1, in.length);
      out.writeByteArray(11, valueInfo(g.inputName(), inDims));
      out.writeByteArray(12, valueInfo(g.outputName(), new long[] {-1, g.outputSize()}));
    });
  }

  private static byte[] node(ExportGraph.Node n) {
    return message(out -> {
      for (String s : n.inputs()) {
        out.writeString(1, s);
      }
      for (String s : n.outputs()) {
        out.writeString(2, s);
      }
      out.writeString(3, n.outputs().get(n.outputs().size() - 1) + "_node");
      out.writeString(4, n.opType());
      for (Map.Entry<String, Object> a : new TreeMap<>(n.attributes()).entrySet()) {
        out.writeByteArray(5, attribute(a.getKey(), a.getValue()));
      }
    });
  }

  private static byte[] attribute(String name, Object value) {
    return message(out -> {
      out.writeString(1, name);
      switch (value) {
        case Float f -> {
          out.writeFloat(2, f);
          out.writeInt32(20, 1);
        }
        case Long i -> {
          out.writeInt64(3, i);
          out.writeInt32(20, 2);
        }
        case String s -> {
          out.writeString(4, s);
          out.writeInt32(20, 3);
        }
        case long[] ints -> {
          for (long i : ints) {
            out.writeInt64(8, i);
          }
          out.writeInt32(20, 7);
        }
        default -> throw new IllegalArgumentException("attribute " + name + ": " + value.getClass());
      }
    });
  }

  private static byte[] tensor(ExportGraph.Tensor t) {
    return message(out -> {
      for (long d : t.dims()) {
        out.writeInt64(1, d);
      }
      out.writeInt32(2, t.floats() != null ? FLOAT : INT64);
      out.writeString(8, t.name());
      ByteBuffer raw;
      if (t.floats() != null) {
        raw = ByteBuffer.allocate(4 * t.floats().length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(t.floats());
      } else {
        raw = ByteBuffer.allocate(8 * t.longs().length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(t.longs());
      }
      out.writeByteArray(9, raw.array());
    });
  }

  /** A float tensor value; a negative dim is the symbolic batch size {@code N}. */
  private static byte[] valueInfo(String name, long[] dims) {
    byte[] shape = message(out -> {
      for (long d : dims) {
        out.writeByteArray(1, message(o -> {
          if (d < 0) {
            o.writeString(2, "N");
          } else {
            o.writeInt64(1, d);
          }
        }));
      }
    });
    byte[] tensorType = message(out -> {
      out.writeInt32(1, FLOAT);
      out.writeByteArray(2, shape);
    });
    return message(out -> {
      out.writeString(1, name);
      out.writeByteArray(2, message(o -> o.writeByteArray(1, tensorType)));
    });
  }

  private interface Body {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Body body) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      body.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
