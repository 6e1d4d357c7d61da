package org.axdse.explorer.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.compensation.RetrainRequest;
import org.axdse.simulator.compensation.Retrainer;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.onnx.proto.OnnxSubset.ModelProto;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The {@link Retrainer} of the training build ({@code axdse compensate --method retrain}): rebuilds the DJL network
 * of a model written by {@code axdse train} from its {@code NAME.params} (the architecture is the ONNX graph's
 * name), checks that those parameters export to exactly the given ONNX file, quantizes the model as the request
 * says, fine-tunes it with {@link SteTraining} on the {@code train} split, and writes {@code OUT.onnx}, its
 * preprocessing sidecar and {@code OUT.params} (so it can be retrained again). Layer names are those of the input
 * model, so the same assignment file applies.
 */
public final class SteRetrainer implements Retrainer {

  @Override
  public Path retrain(RetrainRequest r) {
    TrainedModelFiles source = new TrainedModelFiles(r.model());
    if (!Files.isRegularFile(source.params())) {
      throw BadInputException.in(r.model(), "retraining needs the DJL parameters " + source.params().getFileName()
          + " beside the model (only models written by axdse train can be retrained)");
    }
    byte[] onnx = read(r.model());
    Architecture arch = architectureOf(r.model(), onnx);
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(r.threads()));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    Preprocessing pre = Preprocessing.requiredFor(r.model());
    Dataset train = r.data().load(Split.TRAIN);
    try (ModelSession session = ModelSession.load(arch, source.params())) {
      if (!Arrays.equals(session.network().export().toByteArray(), onnx)) {
        throw BadInputException.in(r.model(), "is not the export of " + source.params().getFileName()
            + " (retrain the model's own parameters, or re-export them)");
      }
      QuantizedModel q;
      try (Kernels k = Kernels.create(r.threads(), KernelMode.fromSystemProperty())) {
        q = Calibration.run(OnnxImporter.load(r.model()), pre,
            train.subset(r.quant().calibrationImages(), r.quant().calibrationSeed()), r.quant(), k);
      }
      try (SteTraining ste = new SteTraining(session, q, r.assignment(), r.catalog(), r.threads(), r.model())) {
        ste.fineTune(train, r.epochs(), (float) r.learningRate(), r.batchSize(), r.seed(), e -> {
          r.log().printf(Locale.ROOT, "retrain epoch %d/%d: mean loss %.4f, %.0f s (simulator so far %.0f s)%n",
              e.epoch(), r.epochs(), e.meanLoss(), e.seconds(), ste.simulatorSeconds());
          r.log().flush();
        });
      }
      TrainedModelFiles target = new TrainedModelFiles(r.out());
      AtomicFiles.write(target.onnx(), session.network().export().toByteArray());
      pre.write(target.sidecar());
      session.saveParameters(target.params());
    }
    return r.out();
  }

  /** The architecture named by the graph of an ONNX file that {@code axdse train} wrote. */
  static Architecture architectureOf(Path file, byte[] onnx) {
    String name;
    try {
      name = ModelProto.parseFrom(onnx).getGraph().getName();
    } catch (IOException e) {
      throw BadInputException.in(file, "not a valid ONNX model: " + e.getMessage());
    }
    for (Architecture a : Architecture.values()) {
      if (a.cliName().equals(name)) {
        return a;
      }
    }
    throw BadInputException.in(file, "graph '" + name + "' is not an architecture of axdse train (retraining "
        + "needs one of " + Arrays.stream(Architecture.values()).map(Architecture::cliName).toList() + ")");
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw BadInputException.in(file, "cannot read: " + e.getMessage());
    }
  }
}
