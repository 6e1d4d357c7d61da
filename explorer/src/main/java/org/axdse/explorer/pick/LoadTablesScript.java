package org.axdse.explorer.pick;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axdse.simulator.assign.LayerAssignment;

/**
 * The text of {@code deploy/load_tables.py}: the picked assignment as a Python table (layer name as in
 * {@code deploy.json} -> kind, multiplier, AdaPT {@code axx_mult} name, TorchApprox table file) and three helpers:
 * {@code torchapprox_table(layer)} loads a table with numpy, {@code load_torchapprox(model, name_map)} sets each
 * TorchApprox layer's {@code approx_op.lut}, and {@code install_adapt(adapt_root)} copies the headers into
 * AdaPT's {@code axx_mults} folder and returns the {@code axx_mult} name of each layer. Per-channel layers are
 * listed apart: both tools take one table per layer.
 */
final class LoadTablesScript {
  private LoadTablesScript() {}

  static byte[] text(Map<String, LayerAssignment> layers, Map<String, String> kinds,
      Map<String, ToolExport.Tables> tables) {
    StringBuilder uniform = new StringBuilder();
    StringBuilder perChannel = new StringBuilder();
    for (Map.Entry<String, LayerAssignment> e : layers.entrySet()) {
      String layer = e.getKey();
      String kind = kinds.getOrDefault(layer, "other");
      if (e.getValue() instanceof LayerAssignment.Uniform u) {
        ToolExport.Tables t = tables.get(u.multiplier());
        uniform.append("    ").append(py(layer)).append(": {\"kind\": ").append(py(kind))
            .append(", \"multiplier\": ").append(py(t.name()))
            .append(", \"adapt\": ").append(py(kind.equals("linear") ? t.adaptLinear() : t.adaptConv()))
            .append(", \"torchapprox\": ").append(t.torchApprox() == null ? "None" : py(t.torchApprox()))
            .append("},\n");
      } else {
        perChannel.append("    ").append(py(layer)).append(": [");
        e.getValue().distinctMultipliers().forEach(m -> perChannel.append(py(m)).append(", "));
        perChannel.append("],\n");
      }
    }
    String s = """
        \"""Load the multipliers axdse picked (deploy.json) into AdaPT or TorchApprox, layer by layer.

        Written by `axdse pick`. Layer names are those of deploy.json (the ONNX model's); pass name_map when your
        PyTorch module names differ. Tables, both operands indexed by their 8-bit two's-complement pattern:
          torchapprox/NAME.npy  int16 (256, 256), lut[activation][weight]; np.load, or torch.from_numpy(np.load(f))
          adapt/NAME.h          AdaPT header, lut[weight][input] (its conv2d kernel)
          adapt/NAME_linear.h   lut[input][weight] (its linear kernel), written for non-commutative designs
        A TorchApprox entry of None: the products do not fit int16 (unsigned 8x8 designs).
        \"""
        import os
        import shutil

        HERE = os.path.dirname(os.path.abspath(__file__))

        # layer -> kind (conv, linear, other), multiplier, AdaPT axx_mult name, TorchApprox table
        LAYERS = {
        %s}

        # layers with one multiplier per output channel: AdaPT and TorchApprox take one table per layer
        PER_CHANNEL = {
        %s}


        def torchapprox_table(layer):
            \"""The TorchApprox table of `layer`: numpy int16, shape (256, 256), [activation][weight].\"""
            import numpy as np
            table = np.load(os.path.join(HERE, LAYERS[layer]["torchapprox"]))
            if table.shape != (256, 256) or table.dtype != np.int16:
                raise ValueError("%%s: expected int16 (256, 256), got %%s %%s" %% (layer, table.dtype, table.shape))
            return table


        def load_torchapprox(model, name_map=None):
            \"""Sets approx_op.lut of each TorchApprox layer of `model`; returns the layers set.\"""
            modules = dict(model.named_modules())
            done = []
            for layer, entry in LAYERS.items():
                if entry["torchapprox"] is None:
                    continue
                module = modules[(name_map or {}).get(layer, layer)]
                module.approx_op.lut = torchapprox_table(layer)
                done.append(layer)
            return done


        def install_adapt(adapt_root):
            \"""Copies the headers into AdaPT's axx_mults folder; returns {layer: axx_mult} for AdaPT_Conv2d/Linear.\"""
            target = os.path.join(adapt_root, "adapt", "cpu-kernels", "axx_mults")
            os.makedirs(target, exist_ok=True)
            names = {}
            for layer, entry in LAYERS.items():
                shutil.copy(os.path.join(HERE, "adapt", entry["adapt"] + ".h"), target)
                names[layer] = entry["adapt"]
            return names


        if __name__ == "__main__":
            for layer, entry in LAYERS.items():
                print(layer, entry["kind"], entry["multiplier"], "axx_mult=" + entry["adapt"],
                      entry["torchapprox"] or "no TorchApprox table")
            for layer, names in PER_CHANNEL.items():
                print(layer, "per channel:", ", ".join(names), "(no single table)")
        """.formatted(uniform, perChannel);
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A Python string literal (a JSON string is one). */
  static String py(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
