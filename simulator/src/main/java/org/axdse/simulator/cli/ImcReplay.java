package org.axdse.simulator.cli;

import java.nio.file.Path;
import java.util.Objects;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.imc.ImcDeployment;
import picocli.CommandLine;

/**
 * {@code axdse imc evaluate --config deploy.json} of an IMC deployment ({@link ImcDeployment}): the quantization
 * and the architecture come from the file, and its bias correction (when the search applied one), so the point
 * replays bit for bit. A quantization or compensation flag given on the command line must agree with the file,
 * and {@code --imc-arch} cannot be given (one-line errors).
 */
final class ImcReplay {
  private ImcReplay() {}

  /** The deployment in {@code config} applied to {@code options}, or null when it is a configuration file. */
  static ImcDeployment apply(Path config, CommandLine.Model.CommandSpec spec, QuantizationOptions options,
      ImcCompensateOption compensation) {
    if (config == null || !ImcDeployment.isDeployment(config)) {
      return null;
    }
    ImcDeployment d = ImcDeployment.read(config);
    var parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--imc-arch")) {
      throw new BadInputException(config + ": an IMC deployment records its architecture; leave --imc-arch out");
    }
    agree(config, parsed, "--quant", "quantization.quant", options.quant, d.quant());
    agree(config, parsed, "--per-channel", "quantization.per_channel", options.perChannel, d.perChannel());
    agree(config, parsed, "--weight-bits", "quantization.weight_bits", options.weightBits,
        Integer.toString(d.weightBits()));
    agree(config, parsed, "--calib", "quantization.calib", options.calib, d.calib());
    agree(config, parsed, "--calib-method", "quantization.calib_method", options.calibMethod, "percentile");
    agree(config, parsed, "--compensate", "compensation.method", compensation.compensate,
        d.biasImages() > 0 ? "bias" : "none");
    if (d.biasImages() > 0) {
      agree(config, parsed, "--bias-images", "compensation.bias_images", compensation.biasImages, d.biasImages());
      agree(config, parsed, "--bias-order", "compensation.bias_order", compensation.biasOrder, d.biasOrder());
      compensation.compensate = "bias";
      compensation.biasImages = d.biasImages();
      compensation.biasOrder = d.biasOrder();
    }
    options.quant = d.quant();
    options.perChannel = d.perChannel();
    options.weightBits = Integer.toString(d.weightBits());
    options.calib = d.calib();
    options.calibMethod = "percentile";
    return d;
  }

  private static void agree(Path config, CommandLine.ParseResult parsed, String flag, String field, Object given,
      Object recorded) {
    if (parsed.hasMatchedOption(flag) && !Objects.equals(given, recorded)) {
      throw new BadInputException(config + ": " + field + " is " + recorded + " but " + flag + " " + given
          + " was given; leave the flag out to replay the deployment");
    }
  }
}
