package org.axdse.explorer.cli;

import java.nio.file.Path;
import java.util.List;
import org.axdse.explorer.backend.ImcOptions;
import org.axdse.multipliers.util.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The flags of {@code axdse search --target imc} (a picocli mixin): the target, the IMC architecture and the
 * floors of the generated per-layer configurations, and the bias correction ({@code --compensate bias}, {@code
 * --bias-images}, {@code --bias-order}). Flags that make no sense with the IMC target (a multiplier library,
 * per-channel granularity, weight tuning) and IMC flags without it are one-line errors.
 */
public final class ImcSearchFlags {
  static final List<String> IMC_FLAGS = List.of("--imc-arch", "--imc-min-planes", "--imc-min-slices",
      "--imc-min-adc-bits", "--bias-images", "--bias-order");

  @Option(names = "--target", paramLabel = "multipliers|imc", defaultValue = "multipliers",
      description = "What the layers compute on: approximate multipliers, or in-memory-computing arrays whose "
          + "per-layer configuration pP-sS-aA is searched (default: ${DEFAULT-VALUE}).")
  String target;
  @Option(names = "--imc-arch", paramLabel = "FILE",
      description = "With --target imc: the IMC architecture JSON (default: the shipped data/isaac.imc.json).")
  Path arch;
  @Option(names = "--imc-min-planes", paramLabel = "P", defaultValue = "" + ImcOptions.DEFAULT_MIN_PLANES,
      description = "With --target imc: fewest activation bit-planes a layer may keep (default ${DEFAULT-VALUE}).")
  int minPlanes;
  @Option(names = "--imc-min-slices", paramLabel = "S", defaultValue = "" + ImcOptions.DEFAULT_MIN_SLICES,
      description = "With --target imc: fewest weight slices a layer may keep (default ${DEFAULT-VALUE}).")
  int minSlices;
  @Option(names = "--imc-min-adc-bits", paramLabel = "A", defaultValue = "" + ImcOptions.DEFAULT_MIN_ADC_BITS,
      description = "With --target imc: coarsest ADC a layer may use, in bits (default ${DEFAULT-VALUE}).")
  int minAdcBits;
  @Option(names = "--bias-images", paramLabel = "N", defaultValue = "64",
      description = "With --target imc --compensate bias: calibration images the bias correction is measured on, "
          + "the first N of the --calib set, as in imc evaluate (default ${DEFAULT-VALUE}).")
  int biasImages;
  @Option(names = "--bias-order", paramLabel = "exact|sequential|network", defaultValue = "exact",
      description = "With --target imc --compensate bias: the order of imc evaluate's --bias-order "
          + "(default ${DEFAULT-VALUE}).")
  String biasOrder;

  /** True when the IMC target was asked for; an unknown target or IMC flags without it are bad input. */
  boolean imc(CommandLine.Model.CommandSpec spec) {
    switch (target) {
      case "imc" -> {
        return true;
      }
      case "multipliers" -> {
        for (String f : IMC_FLAGS) {
          if (spec.commandLine().getParseResult().hasMatchedOption(f)) {
            throw new BadInputException(f + " needs --target imc");
          }
        }
        return false;
      }
      default -> throw new BadInputException("--target must be multipliers or imc, not '" + target + "'");
    }
  }

  /**
   * The IMC options, or null for the multiplier target. Refuses the flags that make no sense with IMC arrays:
   * {@code --library}, {@code --restrict}... are checked here as given on the command line.
   */
  ImcOptions options(CommandLine.Model.CommandSpec spec, String granularity) {
    if (!imc(spec)) {
      return null;
    }
    var parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--library")) {
      throw new BadInputException("--target imc: --library makes no sense (the choices are IMC configurations "
          + "pP-sS-aA, not multipliers)");
    }
    for (String f : List.of("--early-stop", "--prefix-cache")) {
      if (parsed.hasMatchedOption(f)) {
        throw new BadInputException("--target imc: " + f + " applies to the simulator's screening of multiplier "
            + "assignments, not to IMC arrays");
      }
    }
    String compensate = parsed.matchedOptionValue("--compensate", "none");
    if (!compensate.equals("none") && !compensate.equals("bias")) {
      throw new BadInputException("--target imc: --compensate must be none or bias, not '" + compensate + "' "
          + "(weight tuning needs a multiplier's product table)");
    }
    boolean bias = compensate.equals("bias");
    for (String f : List.of("--bias-images", "--bias-order")) {
      if (!bias && parsed.hasMatchedOption(f)) {
        throw new BadInputException(f + " needs --compensate bias");
      }
    }
    if (bias && biasImages < 1) {
      throw new BadInputException("--bias-images must be >= 1, not " + biasImages);
    }
    if (bias && !ImcOptions.BIAS_ORDERS.contains(biasOrder)) {
      throw new BadInputException("--bias-order must be exact, sequential or network, not '" + biasOrder + "'");
    }
    if (!granularity.equals("layer")) {
      throw new BadInputException("--target imc: --granularity must be layer (an IMC configuration holds for a "
          + "whole layer), not '" + granularity + "'");
    }
    try {
      ImcOptions o = ImcOptions.of(arch, minPlanes, minSlices, minAdcBits);
      return bias ? o.withBias(biasImages, biasOrder) : o;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** {@code --objectives} as given, or with the IMC target and no {@code --objectives}: accuracy, energy, latency. */
  String objectives(CommandLine.Model.CommandSpec spec, String given) {
    return target.equals("imc") && !spec.commandLine().getParseResult().hasMatchedOption("--objectives")
        ? "accuracy,energy,latency" : given;
  }

  /** {@code --resume} takes the target from the checkpoint. */
  void refuseOnResume(CommandLine.Model.CommandSpec spec) {
    for (String f : List.of("--target", "--imc-arch", "--imc-min-planes", "--imc-min-slices", "--imc-min-adc-bits",
        "--bias-images", "--bias-order")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(f)) {
        throw new BadInputException("--resume takes the run's settings from its checkpoint; " + f
            + " cannot be changed (only --generations, --budget and --threads)");
      }
    }
  }
}
