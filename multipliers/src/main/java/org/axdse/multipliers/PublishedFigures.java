package org.axdse.multipliers;

/**
 * Figures published with an imported design, shown beside the model's own estimates. Any figure may be absent
 * (NaN).
 *
 * @param power power as published, in {@code powerUnit}
 * @param area area as published, in {@code areaUnit}
 * @param delay delay as published, in {@code delayUnit}
 * @param technology the technology the figures refer to, e.g. {@code 45nm PDK}
 */
public record PublishedFigures(double power, String powerUnit, double area, String areaUnit, double delay,
    String delayUnit, String technology) {

  public PublishedFigures {
    powerUnit = powerUnit == null ? "" : powerUnit;
    areaUnit = areaUnit == null ? "" : areaUnit;
    delayUnit = delayUnit == null ? "" : delayUnit;
    technology = technology == null ? "" : technology;
  }
}
