package org.axdse.explorer.fuzz;

/**
 * One mutated input: its bytes, what was done, and whether any correct reader must refuse it ({@code mustFail}:
 * a truncated fixed-size file, a non-JSON token, a missing required or an unknown field...). A mutation that need
 * not fail may load, and then the kind's validity check decides whether loading it was right.
 */
record Mutation(byte[] bytes, String description, boolean mustFail) {
  Mutation {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  Mutation then(Mutation next) {
    return new Mutation(next.bytes, description + " + " + next.description, mustFail || next.mustFail);
  }
}
