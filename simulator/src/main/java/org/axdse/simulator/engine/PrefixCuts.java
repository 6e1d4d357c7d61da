package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.TensorInfo;

/**
 * Where an engine run can be cut and resumed: cut j is the state just before the step of approximable layer j,
 * after every step that comes before it in the model's (topological) layer order. The state at a cut is the set of
 * <em>live</em> tensors: written before the cut (the model input counts as written first) and read at or after it
 * (the logits tensor counts as read at the end). The engine registers one tensor per layer output plus the input,
 * so tensor indices are below {@code steps + 1}. On any graph, residual branches included, those tensors are all
 * that the remaining steps read, and they depend only on the approximable layers before the cut.
 */
final class PrefixCuts {
  private final int[] cutStep;
  private final int[][] live;
  private final long[] bytesPerSample;
  private final long[] macsBefore;
  private final long macsTotal;
  private final int[] cutAfterStep;

  PrefixCuts(IntegerEngine engine) {
    List<Layer> layers = engine.model().layers();
    Activations act = engine.activations();
    int steps = layers.size();
    int tensors = 0;
    int[] writtenAt = new int[steps + 1];
    int[] lastRead = new int[steps + 1];
    Arrays.fill(writtenAt, Integer.MAX_VALUE);
    Arrays.fill(lastRead, -1);
    int input = engine.tensor(engine.model().input().name());
    writtenAt[input] = -1;
    tensors = Math.max(tensors, input + 1);
    List<Integer> approximableSteps = new ArrayList<>();
    long[] macsUpTo = new long[steps + 1];
    for (int i = 0; i < steps; i++) {
      Layer l = layers.get(i);
      int out = engine.tensor(l.output().name());
      writtenAt[out] = Math.min(writtenAt[out], i);
      tensors = Math.max(tensors, out + 1);
      for (TensorInfo in : l.inputs()) {
        int t = engine.tensor(in.name());
        lastRead[t] = Math.max(lastRead[t], i);
      }
      if (l.approximable()) {
        approximableSteps.add(i);
      }
      macsUpTo[i + 1] = macsUpTo[i] + l.macsPerSample();
    }
    lastRead[engine.logitsTensor()] = steps;
    int cuts = approximableSteps.size();
    this.cutStep = approximableSteps.stream().mapToInt(Integer::intValue).toArray();
    this.live = new int[cuts][];
    this.bytesPerSample = new long[cuts];
    this.macsBefore = new long[cuts];
    this.macsTotal = macsUpTo[steps];
    this.cutAfterStep = new int[steps];
    Arrays.fill(cutAfterStep, -1);
    for (int j = 0; j < cuts; j++) {
      int s = cutStep[j];
      List<Integer> l = new ArrayList<>();
      for (int t = 0; t < tensors; t++) {
        if (writtenAt[t] < s && lastRead[t] >= s) {
          l.add(t);
          bytesPerSample[j] += act.perSample(t);
        }
      }
      live[j] = l.stream().mapToInt(Integer::intValue).toArray();
      macsBefore[j] = macsUpTo[s];
      if (s > 0) {
        cutAfterStep[s - 1] = j;
      }
    }
  }

  /** Number of cuts (one per approximable layer; cut 0 may be at step 0, which saves nothing). */
  int count() {
    return cutStep.length;
  }

  /** The step run first when resuming from cut {@code j}. */
  int step(int j) {
    return cutStep[j];
  }

  /** The live tensors at cut {@code j}, in tensor order. */
  int[] live(int j) {
    return live[j];
  }

  /** Bytes of the live tensors per sample at cut {@code j}. */
  long bytesPerSample(int j) {
    return bytesPerSample[j];
  }

  /** MACs per sample of the steps before cut {@code j} (what resuming there saves). */
  long macsBefore(int j) {
    return macsBefore[j];
  }

  long macsTotal() {
    return macsTotal;
  }

  /** The cut whose state is complete once step {@code step} has run, or -1. */
  int cutAfterStep(int step) {
    return cutAfterStep[step];
  }
}
