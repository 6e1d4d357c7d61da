package org.axdse.simulator.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * ResNet-20 with its real per-tensor symmetric quantization (8 calibration images, min-max ranges) and the exact
 * engine's integer codes of every tensor for {@code images} CIFAR-10 test images (a seeded subset): the real layer
 * inputs the float-design tests feed to single layers.
 *
 * @param model the model
 * @param quantization its quantization
 * @param tensors every tensor's codes by name, channel-major over the batch
 * @param batch the images
 */
record ResNet20Codes(Model model, QuantizedModel quantization, Map<String, byte[]> tensors, int batch) {
  static ResNet20Codes of(int images, long seed) {
    Model m = OnnxImporter.load(TestData.resnet20());
    Preprocessing pre = Preprocessing.load(Path.of("src/test/resources/resnet20.preprocess.json"));
    Dataset calib = DatasetSpec.parse("cifar10:" + TestData.cifarDir()).load(Split.TRAIN).subset(8, 1L);
    Dataset test = DatasetSpec.parse("cifar10:" + TestData.cifarDir()).load(Split.TEST).subset(images, seed);
    QuantConfig config = QuantConfig.defaults(QuantMode.SYMMETRIC).withCalibration(8, CalibrationMethod.MINMAX);
    Map<String, byte[]> tensors = new HashMap<>();
    int batch = test.size();
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      QuantizedModel q = Calibration.run(m, pre, calib, config, k);
      byte[] codes = InputCodes.of(test, pre, q.tensor(m.input().name()));
      new IntegerEngine(m, q, k, batch).runExact(codes, 0, batch,
          (name, c, b, per, channelMajor) -> tensors.put(name, c.clone()));
      return new ResNet20Codes(m, q, tensors, batch);
    }
  }
}
