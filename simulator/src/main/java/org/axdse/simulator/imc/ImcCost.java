package org.axdse.simulator.imc;

/**
 * Energy (pJ) and latency (clock cycles) of one layer per image on an {@link ImcArchitecture} with {@link
 * ImcKnobs}. Every weight is mapped once (weight-stationary): each group's reduction of K rows takes
 * {@code T = ceil(K / R)} arrays in height and its {@code channels x keptSlices} columns take
 * {@code ceil(columns / C)} arrays in width. Per image and activation cycle ({@code cycles}: DAC steps over the
 * processed planes):
 *
 * <ul>
 *   <li>conversions: {@code columns x cycles x groups x T x channels x keptSlices}, each
 *       {@code adcPj(b) + shiftAddPj};
 *   <li>array evaluations: {@code columns x cycles x arrays}, each {@code arrayReadPj};
 *   <li>row drives: {@code columns x cycles x groups x K x widthArrays}, each {@code dacPjPerRow};
 *   <li>buffer bytes: {@code columns x groups x K} inputs read and {@code columns x groups x channels} outputs
 *       written, each {@code bufferPjPerByte}.
 * </ul>
 *
 * Latency: all arrays of a layer work in parallel; one cycle takes {@code arrayReadCycles} plus the conversions
 * of the busiest array, {@code ceil(min(C, channels x keptSlices) / adcsPerArray) x b x adcCyclesPerBit}, and the
 * layer {@code columns x cycles} of them. Layers run one after another (no inter-layer pipeline).
 */
public record ImcCost(double energyPj, long latencyCycles) {
  public ImcCost {
    if (!(energyPj >= 0) || latencyCycles < 0) {
      throw new IllegalArgumentException("cost must be >= 0: " + energyPj + " pJ, " + latencyCycles + " cycles");
    }
  }

  public static final ImcCost ZERO = new ImcCost(0, 0);

  /** The cost of {@code w} with {@code knobs} ({@code cycles} activation cycles per column). */
  public static ImcCost of(ImcArchitecture arch, ImcWorkload w, ImcKnobs knobs, int cycles) {
    long tiles = (w.reduction() + arch.rows() - 1) / arch.rows();
    long cols = (long) w.groupChannels() * knobs.slices();
    long widthArrays = (cols + arch.columns() - 1) / arch.columns();
    long arrays = w.groups() * tiles * widthArrays;
    long steps = w.columns() * cycles;
    long conversions = steps * w.groups() * tiles * cols;
    long rowDrives = steps * w.groups() * w.reduction() * widthArrays;
    long bytes = w.columns() * w.groups() * ((long) w.reduction() + w.groupChannels());
    ImcEnergies e = arch.energy();
    double energy = conversions * (e.adcPj(knobs.adcBits()) + e.shiftAddPj()) + steps * arrays * e.arrayReadPj()
        + rowDrives * e.dacPjPerRow() + bytes * e.bufferPjPerByte();
    long busiest = Math.min(arch.columns(), cols);
    long convert = (busiest + arch.adcsPerArray() - 1) / arch.adcsPerArray() * knobs.adcBits()
        * arch.adcCyclesPerBit();
    return new ImcCost(energy, steps * (arch.arrayReadCycles() + convert));
  }

  /**
   * Activation cycles per column for {@code knobs}: the processed planes in groups of {@code dacBits}, and for
   * signed activations the sign plane in a cycle of its own.
   */
  public static int cycles(ImcArchitecture arch, ImcKnobs knobs, boolean signedActivations) {
    int d = arch.dacBits();
    return signedActivations ? (knobs.planes() - 1 + d - 1) / d + 1 : (knobs.planes() + d - 1) / d;
  }

  public ImcCost plus(ImcCost o) {
    return new ImcCost(energyPj + o.energyPj, latencyCycles + o.latencyCycles);
  }
}
