package org.axdse.simulator.cli;

import java.nio.file.Path;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcSession;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;

/** What the {@code imc} commands load: the model and its preprocessing, the data, the quantization. */
record ImcTarget(Path file, Model model, Preprocessing pre, DatasetSpec data, QuantizedModel quant) {
  static ImcTarget load(Path file, String data, PreprocessOptions preprocess, QuantizationOptions options) {
    Preprocessing pre = preprocess.forModel(file);
    Model m = OnnxImporter.load(file);
    DatasetSpec ds = DatasetSpec.parse(data);
    return new ImcTarget(file, m, pre, ds, null);
  }

  ImcTarget calibrated(QuantizationOptions options) {
    return new ImcTarget(file, model, pre, data, options.calibrate(file, model, pre, options.calibrationSet(data)));
  }

  ImcSession session(Dataset set, ImcArchitecture arch, Kernels k) {
    return new ImcSession(model, quant, set, arch, k, 100);
  }
}
