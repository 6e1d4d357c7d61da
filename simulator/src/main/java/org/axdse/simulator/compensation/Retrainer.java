package org.axdse.simulator.compensation;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Approximation-aware retraining, the third compensation method: fine-tunes a model so that its int8 forward pass
 * with an assignment's approximate multipliers classifies well, and writes the fine-tuned model as ONNX. The
 * simulator cannot train; an implementation comes from the {@code training} build (DJL) and is found with
 * {@link ServiceLoader} (a {@code META-INF/services/org.axdse.simulator.compensation.Retrainer} entry).
 */
public interface Retrainer {

  /**
   * Fine-tunes {@code request.model()} and writes {@code request.out()} (with its preprocessing sidecar); returns
   * the path written. A model the implementation cannot retrain is a one-line
   * {@link org.axdse.multipliers.util.BadInputException}.
   */
  Path retrain(RetrainRequest request);

  /** The retrainer on the class path, if the build has one. */
  static Optional<Retrainer> find() {
    return ServiceLoader.load(Retrainer.class).findFirst();
  }
}
