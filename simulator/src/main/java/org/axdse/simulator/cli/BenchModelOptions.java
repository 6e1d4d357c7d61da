package org.axdse.simulator.cli;

import java.nio.file.Path;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.model.Preprocessing;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model and data of a benchmark ({@code --model}, {@code --preprocess}, {@code --data}), each defaulting to
 * the shared CIFAR-10 ResNet-20 found from the launcher's home ({@link ModelBenchCommand#shared()}).
 */
final class BenchModelOptions {
  private static final String BUNDLED_SIDECAR = "simulator/src/test/resources/resnet20.preprocess.json";

  @Option(names = "--model", paramLabel = "M.onnx", description = "model (default: shared/cifar10/resnet20.onnx)")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Option(names = "--data", paramLabel = "SPEC", description = "dataset (default: cifar10:shared/cifar10)")
  String data;

  /** {@code --model}, else the shared ResNet-20. */
  Path modelFile() {
    return model != null ? model : ModelBenchCommand.shared().resolve("resnet20.onnx");
  }

  /** {@code --preprocess} or the sidecar beside {@code file}, else the project's sidecar of the shared ResNet-20. */
  Preprocessing preprocessingOrBundled(Path file) {
    return preprocess.optionalFor(file).orElseGet(() -> Preprocessing.load(
        ModelBenchCommand.home().resolve(BUNDLED_SIDECAR)));
  }

  /** {@code --data}, else the shared CIFAR-10. */
  DatasetSpec dataset() {
    return DatasetSpec.parse(data != null ? data : "cifar10:" + ModelBenchCommand.shared());
  }
}
