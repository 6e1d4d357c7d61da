package org.axdse.explorer.backend;

/** Thrown out of a batch evaluation when a stop was requested (Ctrl-C) before the batch completed. */
public final class StoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoppedException() {
    super("stopped on request");
  }
}
