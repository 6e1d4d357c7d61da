package org.axdse.explorer.training.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axdse.explorer.training.Architecture;
import org.axdse.explorer.training.ModelSession;
import org.axdse.explorer.training.Schedule;
import org.axdse.explorer.training.TrainedModelFiles;
import org.axdse.multipliers.cli.flags.ProgressOptions;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code axdse train}: trains a baseline classifier with DJL and writes its ONNX model, sidecar and card. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains a baseline classifier on Fashion-MNIST with DJL (PyTorch engine, CPU) and writes "
        + "NAME.onnx, NAME.json (preprocessing), NAME.params (DJL parameters) and NAME.md (model card) next to --out.")
public final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--arch", required = true, paramLabel = "ARCH",
      description = "lenet5, resnet8, mobilenet or lstm")
  String arch;

  @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "DATA",
      description = "fashion-mnist (the Debian package), fashion-mnist:DIR or another 1x28x28, 10-class data set "
          + "spec (default: ${DEFAULT-VALUE})")
  String data;

  @Option(names = "--epochs", required = true, paramLabel = "E", description = "passes over the training set")
  int epochs;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "seeds the initial weights and the shuffling (default: ${DEFAULT-VALUE})")
  int seed;

  @Option(names = "--batch-size", defaultValue = "128", paramLabel = "B", description = "default: ${DEFAULT-VALUE}")
  int batchSize;

  @Option(names = "--lr", defaultValue = "0.002", paramLabel = "LR",
      description = "Adam's initial learning rate, decayed by a cosine to 1% (default: ${DEFAULT-VALUE})")
  float learningRate;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
      description = "PyTorch intra-op threads; results are reproducible for a fixed count (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--flip",
      description = "augment: mirror each training image left-right with probability 1/2 (seeded)")
  boolean flip;

  @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
      description = "train on the first N training images only (0 = all; for quick trials)")
  int limit;

  @Mixin ProgressOptions progress;

  @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "the ONNX model to write")
  Path out;

  @Override
  public Integer call() {
    Architecture architecture = parseArch(arch);
    if (epochs < 1 || batchSize < 1 || threads < 1 || limit < 0 || !(learningRate > 0)) {
      throw new BadInputException("--epochs, --batch-size, --threads and --lr must be positive, --limit >= 0");
    }
    if (!out.getFileName().toString().endsWith(".onnx")) {
      throw new BadInputException("--out " + out + ": must end in .onnx");
    }
    DatasetSpec source = DatasetSpec.parse(data);
    Dataset train = checked(source.load(Split.TRAIN));
    Dataset test = checked(source.load(Split.TEST));
    if (limit > 0) {
      train = train.limit(limit);
    }
    if (batchSize > train.size()) {
      throw new BadInputException("--batch-size " + batchSize + " exceeds the " + train.size()
          + " training images");
    }
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    PrintWriter log = spec.commandLine().getOut();
    List<Double> seconds = new ArrayList<>();
    try (ModelSession session = ModelSession.fresh(architecture, seed)) {
      log.printf(Locale.ROOT, "train: %s on %d images, %d epochs, batch %d, seed %d, %d MACs/image%n",
          architecture.cliName(), train.size(), epochs, batchSize, seed, session.network().macs());
      log.flush();
      Schedule schedule = new Schedule(epochs, batchSize, learningRate, seed, flip);
      session.train(train, schedule, stats -> {
        seconds.add(stats.seconds());
        log.printf(Locale.ROOT, "epoch %d/%d: mean loss %.4f, %.1f s%n", stats.epoch(), epochs, stats.meanLoss(),
            stats.seconds());
        log.flush();
      }, progress.listener());
      double accuracy = session.accuracy(test);
      TrainedModelFiles files = new TrainedModelFiles(out);
      TrainedModelFiles.Facts facts = new TrainedModelFiles.Facts(architecture, data, train.size(), schedule,
          threads, seconds, accuracy, test.size());
      files.write(session, facts, test.classNames());
      log.printf(Locale.ROOT, "test accuracy %.2f %% on %d images; wrote %s, %s, %s, %s%n", 100 * accuracy,
          test.size(), out, files.sidecar(), files.params(), files.card());
      log.flush();
    }
    return 0;
  }

  /** The architectures read 1x28x28 images and output 10 classes. */
  private Dataset checked(Dataset d) {
    if (d.channels() != 1 || d.height() != 28 || d.width() != 28 || d.classCount() != 10) {
      throw new BadInputException("--data " + data + ": " + d.name() + " has " + d.channels() + "x" + d.height()
          + "x" + d.width() + " images in " + d.classCount() + " classes; the architectures need 1x28x28, 10");
    }
    return d;
  }

  static Architecture parseArch(String name) {
    for (Architecture a : Architecture.values()) {
      if (a.cliName().equals(name)) {
        return a;
      }
    }
    throw new BadInputException("--arch " + name + ": unknown architecture (use lenet5, resnet8, mobilenet or lstm)");
  }
}
