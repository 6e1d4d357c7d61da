package org.axdse.simulator.imc;

/** Small architectures for tests. */
final class ImcTestArch {
  private ImcTestArch() {}

  static ImcArchitecture of(int rows, int cellBits, int dacBits, AdcMode mode) {
    return new ImcArchitecture("test", rows, 128, cellBits, dacBits, mode, 1, 1, 1,
        new ImcEnergies(1.0, 8, 30.0, 0.4, 0.05, 1.0));
  }
}
