package org.axdse.simulator.onnx;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.onnx.proto.OnnxSubset.GraphProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.ModelProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.OperatorSetIdProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.TensorProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.TensorShapeProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.ValueInfoProto;

/**
 * Reads an ONNX model file into the {@link Model} IR. The graph must have one activation input (its batch
 * dimension symbolic or first) and one output; nodes are converted in file order, which ONNX requires to be
 * topological. Layers that do not contribute to the output are dropped. Every problem, from a truncated file to
 * an unsupported attribute, is a one-line {@link BadInputException}.
 */
public final class OnnxImporter {
  private static final Map<String, OpConverter> OPS = new HashMap<>();

  static {
    ConvOps.register(OPS);
    DenseOps.register(OPS);
    RecurrentOps.register(OPS);
    ElementwiseOps.register(OPS);
    ShapeOps.register(OPS);
    SliceOps.register(OPS);
    ActivationOps.register(OPS);
    SplitOps.register(OPS);
    ResizeOps.register(OPS);
    ShapeFolding.register(OPS);
  }

  private OnnxImporter() {}

  /** The ONNX operator types the importer understands. */
  public static Set<String> supportedOperators() {
    return Set.copyOf(OPS.keySet());
  }

  /** Imports {@code file}, taking the per-sample input shape from the file. */
  public static Model load(Path file) {
    return load(file, null);
  }

  /**
   * Imports {@code file}; {@code inputShape} (per sample, without batch) replaces the shape declared in the file,
   * or is null to use the declared one.
   */
  public static Model load(Path file, Shape inputShape) {
    return fromProto(file, parse(file), inputShape);
  }

  /**
   * Imports a model already in memory (e.g. just exported), taking the input shape from it; {@code origin} names
   * it in error messages.
   */
  public static Model load(ModelProto proto, Path origin) {
    return fromProto(origin, proto, null);
  }

  /** Parses the protobuf of {@code file} without interpreting it. */
  static ModelProto parse(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > Integer.MAX_VALUE - 8) {
        throw BadInputException.in(file, "larger than 2 GiB, the protobuf limit");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw BadInputException.in(file, "no such file");
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.setSizeLimit(Integer.MAX_VALUE);
      ModelProto proto = ModelProto.parseFrom(in);
      in.checkLastTagWas(0);
      return proto;
    } catch (IOException e) {
      throw BadInputException.in(file, "not a valid ONNX model (truncated or corrupt protobuf: " + e.getMessage()
          + ")");
    }
  }

  static Model fromProto(Path file, ModelProto proto, Shape inputShape) {
    if (!proto.hasGraph() || proto.getGraph().getNodeCount() == 0) {
      throw BadInputException.in(file, "not an ONNX model: no graph with nodes");
    }
    GraphProto g = proto.getGraph();
    long opset = -1;
    for (OperatorSetIdProto o : proto.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        opset = o.getVersion();
      }
    }
    if (opset < 1) {
      throw BadInputException.in(file, "no opset_import for the default ONNX domain");
    }
    Map<String, Integer> readers = new HashMap<>();
    for (NodeProto n : g.getNodeList()) {
      for (String in : n.getInputList()) {
        readers.merge(in, 1, Integer::sum);
      }
    }
    if (g.getOutputCount() != 1) {
      throw BadInputException.in(file, "expected one graph output, found " + g.getOutputCount());
    }
    String outName = g.getOutput(0).getName();
    readers.merge(outName, 1, Integer::sum);
    ImportContext ctx = new ImportContext(file, opset, readers);
    for (TensorProto t : g.getInitializerList()) {
      try {
        ctx.putConstant(t.getName(), OnnxTensors.decode(t));
      } catch (IllegalArgumentException e) {
        throw BadInputException.in(file, "initializer '" + t.getName() + "': " + e.getMessage());
      }
    }
    List<ValueInfoProto> inputs = g.getInputList().stream().filter(v -> !ctx.isConstant(v.getName())).toList();
    if (inputs.size() != 1) {
      throw BadInputException.in(file, "expected one graph input besides the initializers, found " + inputs.size());
    }
    Value input = inputValue(file, inputs.get(0), inputShape);
    ctx.putValue(inputs.get(0).getName(), input);
    for (int i = 0; i < g.getNodeCount(); i++) {
      NodeProto node = g.getNode(i);
      ctx.indexNode(node, i);
      convert(ctx, node);
    }
    Value out = ctx.valueNamed(outName);
    if (out == null) {
      throw BadInputException.in(file, "graph output '" + outName + "' is " + (ctx.isConstant(outName)
          ? "a constant" : "never computed"));
    }
    checkDeclared(file, g.getOutput(0), out);
    String name = g.getName().isEmpty() ? file.getFileName().toString().replaceFirst("\\.onnx$", "") : g.getName();
    List<Layer> layers = prune(ctx.layers(), out.irName());
    try {
      return new Model(name, input.info(), out.info(), layers);
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, "inconsistent graph: " + e.getMessage());
    }
  }

  private static void convert(ImportContext ctx, NodeProto node) {
    if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
      throw ctx.fail(node, "unsupported operator domain '" + node.getDomain() + "'");
    }
    OpConverter op = OPS.get(node.getOpType());
    if (op == null) {
      throw ctx.fail(node, "unsupported operator '" + node.getOpType() + "'");
    }
    if (node.getOutputCount() == 0 || node.getOutput(0).isEmpty()) {
      throw ctx.fail(node, "has no output");
    }
    try {
      op.convert(ctx, node, new NodeAttributes(ctx, node));
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ctx.fail(node, "malformed node: " + e);
    }
  }

  private static Value inputValue(Path file, ValueInfoProto info, Shape override) {
    List<TensorShapeProto.Dimension> dims = info.getType().getTensorType().getShape().getDimList();
    if (dims.isEmpty() && override == null) {
      throw BadInputException.in(file, "input '" + info.getName() + "' has no declared shape");
    }
    int batch = 0;
    for (int i = 0; i < dims.size(); i++) {
      if (!dims.get(i).hasDimValue() || dims.get(i).getDimValue() <= 0) {
        batch = i;
        break;
      }
    }
    int rank = override != null ? override.rank() + 1 : dims.size();
    if (batch >= rank) {
      batch = 0;
    }
    int[] d = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      if (i == batch) {
        d[i] = Value.BATCH;
      } else if (override != null) {
        d[i] = override.dim(j++);
      } else if (dims.get(i).hasDimValue() && dims.get(i).getDimValue() > 0
          && dims.get(i).getDimValue() <= Shape.MAX_ELEMENTS) {
        d[i] = (int) dims.get(i).getDimValue();
      } else {
        throw BadInputException.in(file, "input '" + info.getName() + "' dimension " + i
            + " is unknown or too large; give the input shape explicitly");
      }
    }
    try {
      Value v = new Value(info.getName(), d);
      v.shape();
      return v;
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, "input '" + info.getName() + "': " + e.getMessage());
    }
  }

  private static void checkDeclared(Path file, ValueInfoProto declared, Value actual) {
    List<TensorShapeProto.Dimension> dims = declared.getType().getTensorType().getShape().getDimList();
    if (dims.isEmpty()) {
      return;
    }
    int[] a = actual.onnxDims();
    boolean ok = dims.size() == a.length;
    for (int i = 0; ok && i < a.length; i++) {
      ok = a[i] == Value.BATCH || !dims.get(i).hasDimValue() || dims.get(i).getDimValue() == a[i];
    }
    if (!ok) {
      throw BadInputException.in(file, "shape mismatch: output '" + declared.getName() + "' is declared "
          + dims.stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : "?").toList()
          + " but computes " + actual.describe());
    }
  }

  /** The layers the output depends on, in their original order. */
  private static List<Layer> prune(List<Layer> layers, String output) {
    Set<String> needed = new HashSet<>(Set.of(output));
    List<Layer> kept = new ArrayList<>();
    for (int i = layers.size() - 1; i >= 0; i--) {
      Layer l = layers.get(i);
      if (needed.contains(l.output().name())) {
        kept.add(0, l);
        l.inputs().forEach(t -> needed.add(t.name()));
      }
    }
    return kept;
  }

}
