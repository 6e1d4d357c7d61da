package org.axdse.simulator.imc;

import java.util.Objects;

/**
 * A bit-decomposed in-memory computing architecture. Weights of {@code N} bits are stored as
 * {@code ceil(N / cellBits)} slices in neighbouring crossbar columns; activations are applied {@code dacBits} bits
 * per cycle; each column's sum over at most {@code rows} rows is digitized by an ADC (at most the full resolution,
 * {@link #fullAdcBits()}) that behaves as {@code adcMode}; the digital periphery shifts and adds.
 *
 * @param rows R, the rows of one array: the reduction axis is cut into arrays of R rows (a multiple of 64, at most
 *     {@value #MAX_ROWS})
 * @param columns bit-line columns of one array
 * @param cellBits bits stored per cell (1 to 4)
 * @param dacBits activation bits applied per cycle (1 = bit-serial, at most 8)
 * @param adcsPerArray ADCs shared by the columns of one array
 * @param arrayReadCycles clock cycles of one array evaluation (one activation cycle)
 * @param adcCyclesPerBit clock cycles per resolved bit of one conversion (successive approximation)
 */
public record ImcArchitecture(String name, int rows, int columns, int cellBits, int dacBits, AdcMode adcMode,
    int adcsPerArray, int arrayReadCycles, int adcCyclesPerBit, ImcEnergies energy) {
  /** The largest supported array height. */
  public static final int MAX_ROWS = 2048;

  public ImcArchitecture {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(adcMode, "adcMode");
    Objects.requireNonNull(energy, "energy");
    if (rows < 64 || rows > MAX_ROWS || rows % 64 != 0) {
      throw new IllegalArgumentException("rows must be a multiple of 64 in 64.." + MAX_ROWS + ", got " + rows);
    }
    if (columns < 1 || columns > 65536) {
      throw new IllegalArgumentException("columns must be 1..65536, got " + columns);
    }
    if (cellBits < 1 || cellBits > 4) {
      throw new IllegalArgumentException("cellBits must be 1..4, got " + cellBits);
    }
    if (dacBits < 1 || dacBits > 8) {
      throw new IllegalArgumentException("dacBits must be 1..8, got " + dacBits);
    }
    if (adcsPerArray < 1 || adcsPerArray > columns) {
      throw new IllegalArgumentException("adcsPerArray must be 1..columns (" + columns + "), got " + adcsPerArray);
    }
    if (arrayReadCycles < 1 || adcCyclesPerBit < 1) {
      throw new IllegalArgumentException("arrayReadCycles and adcCyclesPerBit must be >= 1, got "
          + arrayReadCycles + " and " + adcCyclesPerBit);
    }
  }

  /** The largest column sum: R rows of a full DAC input times a full cell. */
  public int maxColumnSum() {
    return rows * ((1 << dacBits) - 1) * ((1 << cellBits) - 1);
  }

  /** The ADC bits that represent every column sum exactly. */
  public int fullAdcBits() {
    return 32 - Integer.numberOfLeadingZeros(maxColumnSum());
  }

  /** Weight slices of an {@code weightBits}-bit weight. */
  public int slices(int weightBits) {
    return (weightBits + cellBits - 1) / cellBits;
  }
}
