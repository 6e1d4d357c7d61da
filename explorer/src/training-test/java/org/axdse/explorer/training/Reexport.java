package org.axdse.explorer.training;

import java.nio.file.Path;
import org.axdse.simulator.data.IdxFiles;

/**
 * Rewrites {@code NAME.onnx} and {@code NAME.preprocess.json} from a trained {@code NAME.params} with the current
 * export code, leaving the parameters and the card alone. The export is a pure function of the parameters, so this
 * gives the files {@code axdse train} now writes; used when the exporter changes after a long training run.
 * Usage: {@code Reexport ARCH models/NAME.onnx}.
 */
public final class Reexport {
  private Reexport() {}

  public static void main(String[] args) {
    Architecture arch = Architecture.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
    TrainedModelFiles files = new TrainedModelFiles(Path.of(args[1]));
    try (ModelSession s = ModelSession.load(arch, files.params())) {
      files.writeModel(s, IdxFiles.FASHION_CLASSES);
    }
    System.out.println("re-exported " + files.onnx() + " and " + files.sidecar());
  }
}
