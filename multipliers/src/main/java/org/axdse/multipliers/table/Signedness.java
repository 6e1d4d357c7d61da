package org.axdse.multipliers.table;

/** How operand and product codes are read: plain binary, or two's complement. */
public enum Signedness {
  UNSIGNED,
  SIGNED;

  /** The short prefix used in multiplier names: {@code u} or {@code s}. */
  public String prefix() {
    return this == UNSIGNED ? "u" : "s";
  }
}
