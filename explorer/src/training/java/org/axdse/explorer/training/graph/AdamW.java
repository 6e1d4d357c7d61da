package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Kingma and Ba, ICLR 2015; Loshchilov and Hutter, ICLR 2019) over a
 * {@link GraphNet}'s arrays, with its state (step count, first and second moments) in plain arrays so a checkpoint
 * can hold it and a resumed run continues bit for bit. Decay applies to weight matrices (convolution, dense,
 * recurrent), not to biases or affine scales and shifts.
 */
final class AdamW {
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double EPSILON = 1e-8;

  private final GraphNet net;
  private final double weightDecay;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private long steps;

  AdamW(GraphNet net, NDManager manager, double weightDecay) {
    this.net = net;
    this.weightDecay = weightDecay;
    net.parameters().forEach((name, p) -> {
      m.put(name, manager.zeros(p.getShape(), p.getDataType()));
      v.put(name, manager.zeros(p.getShape(), p.getDataType()));
    });
  }

  static boolean decays(String name) {
    return name.endsWith("/weight") || name.endsWith("/w") || name.endsWith("/r");
  }

  /** One update with the gradients the last backward pass left, at learning rate {@code lr}; clears them. */
  void step(double lr) {
    steps++;
    double c1 = 1 - Math.pow(BETA1, steps);
    double c2 = 1 - Math.pow(BETA2, steps);
    for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
      NDArray p = e.getValue();
      try (NDManager scope = NDManager.newBaseManager()) {
        NDArray g = p.getGradient();
        g.attach(scope);
        NDArray mi = m.get(e.getKey());
        NDArray vi = v.get(e.getKey());
        mi.muli(BETA1).addi(g.mul(1 - BETA1));
        vi.muli(BETA2).addi(g.square().muli(1 - BETA2));
        NDArray mHat = mi.div(c1);
        mHat.attach(scope);
        NDArray vHat = vi.div(c2);
        vHat.attach(scope);
        NDArray update = mHat.divi(vHat.sqrt().addi(EPSILON)).muli(lr);
        if (weightDecay > 0 && decays(e.getKey())) {
          p.muli(1 - lr * weightDecay);
        }
        p.subi(update);
        g.subi(g);
      }
    }
  }

  long steps() {
    return steps;
  }

  Map<String, NDArray> firstMoments() {
    return m;
  }

  Map<String, NDArray> secondMoments() {
    return v;
  }

  void restore(long steps) {
    this.steps = steps;
  }
}
