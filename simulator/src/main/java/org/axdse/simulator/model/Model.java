package org.axdse.simulator.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A network as an immutable list of layers in execution order: every layer reads only the model input or tensors
 * written by earlier layers, with matching shapes, and the last tensor of interest is {@link #output()}. The
 * approximable layers, in order, get indices 0, 1, ... ({@link #approximableLayers()}); with their names they are
 * what per-layer multiplier assignments refer to, and they are stable for a given model file.
 */
public record Model(String name, TensorInfo input, TensorInfo output, List<Layer> layers) {
  public Model {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    layers = List.copyOf(layers);
    Map<String, Shape> known = new HashMap<>();
    known.put(input.name(), input.shape());
    Set<String> names = new HashSet<>();
    for (Layer layer : layers) {
      if (!names.add(layer.name())) {
        throw new IllegalArgumentException("duplicate layer name " + layer.name());
      }
      for (TensorInfo t : layer.inputs()) {
        Shape s = known.get(t.name());
        if (s == null) {
          throw new IllegalArgumentException("layer " + layer.name() + " reads " + t.name() + " before it is written");
        }
        if (!s.equals(t.shape())) {
          throw new IllegalArgumentException("layer " + layer.name() + " reads " + t + " but it has shape " + s);
        }
      }
      if (known.put(layer.output().name(), layer.output().shape()) != null) {
        throw new IllegalArgumentException("tensor " + layer.output().name() + " written twice");
      }
    }
    if (!output.shape().equals(known.get(output.name()))) {
      throw new IllegalArgumentException("model output " + output + " is not written by any layer");
    }
  }

  /** The approximable layers in execution order; a layer's position here is its assignment index. */
  public List<ApproximableLayer> approximableLayers() {
    return layers.stream().filter(l -> l instanceof ApproximableLayer).map(l -> (ApproximableLayer) l).toList();
  }

  /** The assignment index of the approximable layer called {@code layerName}, or -1. */
  public int approximableIndex(String layerName) {
    List<ApproximableLayer> list = approximableLayers();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).name().equals(layerName)) {
        return i;
      }
    }
    return -1;
  }

  /** The layer called {@code layerName}. */
  public Layer layer(String layerName) {
    return layers.stream().filter(l -> l.name().equals(layerName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no layer " + layerName));
  }

  public long macsPerSample() {
    return layers.stream().mapToLong(Layer::macsPerSample).sum();
  }

  public long parameterCount() {
    return layers.stream().mapToLong(Layer::parameterCount).sum();
  }
}
