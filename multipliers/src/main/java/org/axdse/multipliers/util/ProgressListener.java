package org.axdse.multipliers.util;

/**
 * Where library code reports the progress of long work (images evaluated, calibration batches, epochs), so that
 * the libraries stay free of any console: the command line binds it to a progress bar or to periodic lines, tests
 * and library users pass {@link #NONE}. A task counts units towards a known total.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Reports nothing. */
  ProgressListener NONE = (label, total, unit) -> Task.NONE;

  /** Starts a task of {@code total} {@code unit}s (e.g. 10000 "images") named {@code label}; close it when done. */
  Task start(String label, long total, String unit);

  /** One running task: advance it as units complete, close it once (also on failure). */
  interface Task extends AutoCloseable {
    /** A task that reports nothing. */
    Task NONE = new Task() {
      @Override
      public void advance(long units) {}

      @Override
      public void close() {}
    };

    /** {@code units} more are done. */
    void advance(long units);

    @Override
    void close();
  }
}
