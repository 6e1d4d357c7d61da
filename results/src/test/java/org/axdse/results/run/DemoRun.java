package org.axdse.results.run;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A real run, checked in under {@code src/test/resources/runs/lenet5-demo}: the files {@code ./axdse} (the demo,
 * LeNet-5 on 2,000 Fashion-MNIST images, 20 generations, 245 points, 27 multipliers) wrote on 2026-12-03. Its
 * uniform baselines crowd the top right of the Pareto plot.
 */
public final class DemoRun {
  private DemoRun() {}

  public static Path dir() {
    try {
      return Path.of(DemoRun.class.getResource("/runs/lenet5-demo/run.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Run read() {
    return RunDirectory.of(dir()).read();
  }
}
