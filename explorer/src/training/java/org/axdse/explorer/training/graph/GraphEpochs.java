package org.axdse.explorer.training.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.axdse.explorer.training.ModelSession;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.compensation.RetrainRequest;
import org.axdse.simulator.compensation.RetrainSettings;
import org.axdse.simulator.data.Dataset;

/**
 * The epochs of a retraining: per epoch a fresh order of the training images and fresh augmentation draws, both
 * from a generator seeded with {@code (seed, epoch)}; steps of {@code batchSize} images (the last partial batch is
 * dropped) at the scheduled learning rate; a checkpoint after every epoch; progress per step (rate and ETA on a
 * terminal) and one line per epoch. Resuming restores the checkpoint and runs the remaining epochs, which then see
 * exactly the orders, draws and rates of an uninterrupted run.
 */
final class GraphEpochs {
  private final GraphRetraining ste;
  private final RetrainRequest r;
  private final Dataset train;
  private final Path checkpoint;
  private final boolean augment;

  GraphEpochs(GraphRetraining ste, RetrainRequest r, Dataset train, Path checkpoint) {
    this.ste = ste;
    this.r = r;
    this.train = train;
    this.checkpoint = checkpoint;
    RetrainSettings.Augmentation a = r.settings().augmentation();
    this.augment = a == RetrainSettings.Augmentation.CROP_FLIP
        || (a == RetrainSettings.Augmentation.AUTO && train.channels() == 3);
  }

  /** The settings a checkpoint must have been written with to be resumed. */
  String fingerprint() {
    RetrainSettings s = r.settings();
    return String.format(Locale.ROOT, "model %s, assignment %s, quant %s, epochs %d, lr %s %s, weight decay %s, "
        + "augment %s, batch %d, seed %d, images %d", r.model().getFileName(), r.assignment(), r.quant(), r.epochs(),
        r.learningRate(), s.schedule(), s.weightDecay(), augment, r.batchSize(), r.seed(), train.size())
        + (s.emulation() == RetrainSettings.Emulation.MODEL ? ", emulation model" : "");
  }

  /** CPU time of the whole process (every thread, PyTorch's native ones too), nanoseconds; 0 when unknown. */
  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  void run() {
    int steps = train.size() / r.batchSize();
    long total = (long) steps * r.epochs();
    LearningRate lr = new LearningRate(r.settings().schedule(), r.learningRate(), total);
    AdamW opt = new AdamW(ste.net(), ste.net().parameters().values().iterator().next().getManager(),
        r.settings().weightDecay());
    int done = 0;
    if (r.settings().resume() && Files.exists(checkpoint)) {
      done = RetrainCheckpoint.read(checkpoint, fingerprint(), ste.net(), opt);
      r.log().printf(Locale.ROOT, "retrain: resumed from %s after epoch %d of %d%n", checkpoint, done, r.epochs());
      r.log().flush();
    }
    try (ProgressListener.Task task = r.settings().progress().start("retrain", total, "steps")) {
      task.advance((long) done * steps);
      for (int epoch = done + 1; epoch <= r.epochs(); epoch++) {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        String refreshed = ste.beginEpoch(epoch);
        if (refreshed != null) {
          r.log().println(refreshed);
        }
        SplittableRandom random = new SplittableRandom(r.seed() * 0x9E3779B97F4A7C15L + epoch);
        int[] order = ModelSession.permutation(train.size(), random);
        double sum = 0;
        for (int s = 0; s < steps; s++) {
          int[] idx = Arrays.copyOfRange(order, s * r.batchSize(), (s + 1) * r.batchSize());
          Dataset batch = augment ? CropFlip.apply(train, idx, random) : train.select(idx);
          sum += ste.step(batch, opt, lr.at(opt.steps()));
          task.advance(1);
        }
        RetrainCheckpoint.write(checkpoint, fingerprint(), epoch, ste.net(), opt);
        r.log().printf(Locale.ROOT, "retrain epoch %d/%d: mean loss %.4f, lr %.3g at the end, %.0f s, CPU %.0f s "
            + "(%s so far %.0f s), checkpoint written%n", epoch, r.epochs(), sum / steps, lr.at(opt.steps()),
            (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9, ste.emulationLabel(),
            ste.simulatorSeconds());
        r.log().flush();
      }
    }
  }
}
