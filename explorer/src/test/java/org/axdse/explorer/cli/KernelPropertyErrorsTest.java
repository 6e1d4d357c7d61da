package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.oneLine;

import org.junit.jupiter.api.Test;

/**
 * The kernel switches users set through {@code AXDSE_JAVA_OPTS} ({@code -Daxdse.kernels}, {@code -Daxdse.bilinear}):
 * an unknown value is one line naming the property and the values it takes, exit code 2.
 */
class KernelPropertyErrorsTest {

  @Test
  void unknownKernelModeAndBilinearPolicyAreOneLine() {
    String[] bench = {"bench", "kernels", "--seconds", "0.01", "--batch", "1", "--threads", "1", "-q"};
    withProperty("axdse.kernels", "fast",
        () -> oneLine(InProcess.axdse(bench), "-Daxdse.kernels=fast", "expected scalar, vector, native or auto"));
    withProperty("axdse.bilinear", "sometimes",
        () -> oneLine(InProcess.axdse(bench), "-Daxdse.bilinear=sometimes", "expected auto, on or off"));
  }

  private static void withProperty(String name, String value, Runnable body) {
    String old = System.getProperty(name);
    System.setProperty(name, value);
    try {
      body.run();
    } finally {
      if (old == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, old);
      }
    }
  }
}
