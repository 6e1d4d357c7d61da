package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.RunLock;
import org.axdse.simulator.compensation.RetrainRequest;
import org.axdse.simulator.compensation.RetrainSettings;
import org.axdse.simulator.compensation.Retrainer;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.errormodel.EmulationCheck;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxExporter;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The {@link Retrainer} of the training build ({@code axdse compensate --method retrain}, {@code axdse pick
 * --retrain}) for any model the importer reads: builds its {@link GraphNet}, checks the graph's float forward
 * against the float executor ({@link FloatParity}, printed), quantizes the model as the request says (calibrated
 * once on the training images, or the quantization recorded beside the model, {@link RecordedQuantization}),
 * retrains it with {@link GraphEpochs}, and writes {@code OUT.onnx} with the project's exporter (same layer names,
 * so the same assignment file applies), its preprocessing sidecar and the quantization it trained with. A
 * checkpoint per epoch goes to {@code OUT.retrain/} (locked with {@link RunLock}); {@code --resume} continues from
 * it and gives the weights of an uninterrupted run.
 */
public final class GraphRetrainer implements Retrainer {
  /** Training images the float check runs. */
  static final int PARITY_IMAGES = 32;

  @Override
  public Path retrain(RetrainRequest r) {
    Model model = OnnxImporter.load(r.model());
    Preprocessing pre = Preprocessing.requiredFor(r.model());
    Dataset train = (r.settings().trainData() != null ? r.settings().trainData() : r.data()).load(Split.TRAIN);
    if (train.imageBytes() != pre.sampleSize()) {
      throw BadInputException.in(r.model(), "reads " + pre.sampleSize() + " values per sample, the training "
          + "images have " + train.imageBytes());
    }
    if (train.size() < r.batchSize()) {
      throw new BadInputException("--batch-size " + r.batchSize() + " exceeds the " + train.size()
          + " training images");
    }
    EmulationCheck.refuseUndescribable(r.settings().emulation(), model, r.assignment(), r.catalog(), r.quant());
    // PyTorch's own threads stay at one, so retraining gives the same weights for every --threads.
    TorchThreads.useOne();
    Path dir = RetrainSettings.checkpointDirectory(r.out());
    Path checkpoint = RetrainSettings.checkpointFile(r.out());
    try (RunLock lock = RunLock.acquire(dir)) {
      refuseLeftCheckpoint(r.out(), r.settings().resume());
      try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32)) {
        int probe = Math.min(PARITY_IMAGES, train.size());
        float[] x = new float[probe * pre.sampleSize()];
        org.axdse.explorer.training.Inputs.batch(pre, train, null, 0, probe, x);
        FloatParity.Result parity = FloatParity.check(net, x, probe);
        if (!parity.passes()) {
          throw BadInputException.in(r.model(), String.format(Locale.ROOT, "the training graph built from it "
              + "differs from the float executor by %.3g on the logits (largest |logit| %.3g; limit %.0e x "
              + "max(1, largest |logit|))", parity.maxAbsDiff(), parity.maxAbsOutput(), FloatParity.LIMIT));
        }
        r.log().printf(Locale.ROOT, "retrain: training graph of %d layers (%d arrays) matches the float executor: "
            + "max |diff| %.2e on the logits of %d training images (largest |logit| %.3g; limit %.0e x max(1, "
            + "largest |logit|))%n", model.layers().size(), net.parameters().size(), parity.maxAbsDiff(), probe,
            parity.maxAbsOutput(), FloatParity.LIMIT);
        r.log().flush();
        if (RecordedQuantization.present(r.model())) {
          r.log().println("retrain: trains with the quantization recorded in "
              + RecordedQuantization.fileOf(r.model()));
        }
        QuantizedModel q;
        Dataset calibration = train.subset(r.quant().calibrationImages(), r.quant().calibrationSeed());
        try (Kernels k = Kernels.create(r.threads(), KernelMode.fromSystemProperty())) {
          q = RecordedQuantization.orCalibrate(r.model(), model, pre, calibration, r.quant(), k,
              org.axdse.multipliers.util.ProgressListener.NONE);
        }
        ModelEmulation emulation = r.settings().emulation() == RetrainSettings.Emulation.MODEL
            ? ModelEmulation.open(net, q, r.assignment(), r.catalog(), calibration, r.threads(), r.seed()) : null;
        try (GraphRetraining ste = new GraphRetraining(net, q, r.assignment(), r.catalog(), pre, r.threads(),
            emulation)) {
          GraphEpochs epochs = new GraphEpochs(ste, r, train, checkpoint);
          epochs.run();
        }
        Model retrained = net.toModel();
        OnnxExporter.write(retrained, r.out());
        pre.write(Preprocessing.sidecarOf(r.out()));
        RecordedQuantization.write(r.out(), RecordedQuantization.forWeightsOf(model, OnnxImporter.load(r.out()), q));
      }
      Files.deleteIfExists(checkpoint);
    } catch (IOException e) {
      throw BadInputException.in(checkpoint, "cannot remove: " + e.getMessage());
    }
    return r.out();
  }

  /** Without {@code resume}, a checkpoint left by an interrupted retraining is a one-line error (not overwritten). */
  static void refuseLeftCheckpoint(Path out, boolean resume) {
    Path checkpoint = RetrainSettings.checkpointFile(out);
    if (Files.exists(checkpoint) && !resume) {
      throw BadInputException.in(checkpoint, "an interrupted retraining left this checkpoint: add --resume to "
          + "continue it, or remove " + checkpoint.getParent() + " to start afresh");
    }
  }
}
