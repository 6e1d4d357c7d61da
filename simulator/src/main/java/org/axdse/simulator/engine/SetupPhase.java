package org.axdse.simulator.engine;

import java.util.Locale;

/**
 * Where setup time went: one phase of preparing an evaluation ({@code calibration}, {@code float reference},
 * ...), its wall and process CPU seconds (all threads, JIT and GC included) and how its result was obtained
 * ({@code computed}, {@code cached}, {@code recomputed: corrupt ...}, {@code skipped}), and when it ended, in
 * seconds since the JVM started ({@code doneAt}).
 */
public record SetupPhase(String name, double wallSeconds, double cpuSeconds, String how, double doneAt) {
  public SetupPhase {
    if (name == null || name.isBlank() || how == null) {
      throw new IllegalArgumentException("a setup phase needs a name and how it was obtained");
    }
    if (!(wallSeconds >= 0) || !(cpuSeconds >= 0) || !(doneAt >= 0)) {
      throw new IllegalArgumentException("phase times must be non-negative: " + wallSeconds + ", " + cpuSeconds);
    }
  }

  /** Starts timing a phase; {@link Clock#stop} ends it. */
  public static Clock start() {
    return new Clock();
  }

  /** The process's CPU time so far in nanoseconds (0 where the JVM cannot tell). */
  public static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /** A phase that did not run, ending now. */
  public static SetupPhase skipped(String name, String why) {
    return new SetupPhase(name, 0, 0, "skipped: " + why, uptimeSeconds());
  }

  /** Everything from the JVM's start until now, as one phase. */
  public static SetupPhase sinceJvmStart(String name) {
    double up = uptimeSeconds();
    return new SetupPhase(name, up, processCpuNanos() / 1e9, "before the first phase", up);
  }

  /** Seconds since the JVM started. */
  public static double uptimeSeconds() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
  }

  /** One line for stderr: {@code setup: NAME 1.23 s wall, 2.34 s CPU (HOW), done 3.45 s after JVM start}. */
  public String line() {
    return String.format(Locale.ROOT, "setup: %s %.2f s wall, %.2f s CPU (%s), done %.2f s after JVM start", name,
        wallSeconds, cpuSeconds, how, doneAt);
  }

  /** A running phase timer. */
  public static final class Clock {
    private final long wall = System.nanoTime();
    private final long cpu = processCpuNanos();

    private Clock() {}

    public SetupPhase stop(String name, String how) {
      return new SetupPhase(name, (System.nanoTime() - wall) / 1e9, Math.max(0, processCpuNanos() - cpu) / 1e9,
          how, uptimeSeconds());
    }
  }
}
