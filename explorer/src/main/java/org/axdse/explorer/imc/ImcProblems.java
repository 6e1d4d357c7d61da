package org.axdse.explorer.imc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.explorer.backend.ImcOptions;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.ApproximableLayer;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcKnobs;
import org.axdse.simulator.imc.ImcNetwork;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The {@link ProblemFactory} of {@code axdse search --target imc}. Quantizes the model as {@code axdse imc
 * evaluate} does ({@link ImcQuantization}), so a configuration replays bit for bit there. Screening evaluates {@code --eval-images} train images drawn with the run's seed,
 * so the test split stays for verification; final fidelity evaluates the test split ({@code --final-images} M:
 * the M images {@link ImageSelection#subsetOf} picks, 0: all). With {@code --compensate bias}, candidates get the
 * bias correction of {@code imc evaluate --compensate bias} on the first {@code --bias-images} calibration images.
 */
public final class ImcProblems implements ProblemFactory {
  /** True when {@code request} targets IMC arrays. */
  public static boolean wants(ProblemRequest request) {
    return request.quantization().imc() != null;
  }

  @Override
  public SearchProblem open(ProblemRequest request) {
    QuantOptions qo = request.quantization();
    ImcOptions imc = qo.imc();
    if (imc == null) {
      throw new IllegalArgumentException("not an IMC request");
    }
    QuantConfig config = ImcQuantization.config(request.quant(), qo.perChannel(), qo.weightBits(),
        qo.calibrationImages());
    if (request.library() != null) {
      throw new BadInputException("--target imc: --library makes no sense (the choices are IMC configurations)");
    }
    if (!qo.calibrationData().isEmpty()) {
      throw new BadInputException("--target imc: --calib-data is not supported (calibration and screening use "
          + "the train split of --data, verification its test split)");
    }
    ImcArchitecture arch = imc.arch();
    Path modelPath = Path.of(request.model());
    Model model = OnnxImporter.load(modelPath);
    Preprocessing pre = Preprocessing.fromFlagOr(qo.preprocess(), modelPath);
    DatasetSpec spec = DatasetSpec.parse(request.data());
    Dataset train = spec.load(Split.TRAIN);
    Dataset test = spec.load(Split.TEST);
    Dataset screening = train.subset(request.screeningImages(), request.seed());
    Dataset fin = test.select(ImageSelection.subsetOf(test.size(), request.finalImages()));
    ImcNetwork probe = new ImcNetwork(model, config, arch);
    List<ImcKnobs> choices = ImcChoices.of(arch, qo.weightBits(), imc);
    List<String> names = choices.stream().map(ImcKnobs::name).toList();
    List<ApproximableLayer> layers = new ArrayList<>();
    var modelLayers = model.approximableLayers();
    for (int i = 0; i < modelLayers.size(); i++) {
      if (probe.workloads().get(i) != null) {
        layers.add(ApproximableLayer.of(modelLayers.get(i).name(), AssignmentResolver.channels(modelLayers.get(i)),
            names));
      }
    }
    if (layers.isEmpty()) {
      throw new BadInputException(request.model() + ": no convolution or dense layer to map to IMC arrays");
    }
    Kernels kernels = Kernels.create(Runtime.getRuntime().availableProcessors(), KernelMode.fromSystemProperty());
    try {
      QuantizedModel q = ImcQuantization.calibrate(model, pre, spec, config, kernels);
      ImcProblem problem = new ImcProblem(model, q, arch, screening, fin, imc.compensates()
          ? ImcQuantization.biasImages(spec, config, imc.biasImages()) : null, imc.biasOrder(), kernels);
      SearchSpace space = new SearchSpace(request.model(), fin.name() + " (final, test split; screening: "
          + screening.name() + " of the train split; calibration: " + config.calibrationImages() + " train images; IMC "
          + arch.name() + ")",
          names.get(0), ImcChoices.describe(choices, problem.network()), layers);
      problem.space(space);
      return problem;
    } catch (RuntimeException e) {
      kernels.close();
      throw e;
    }
  }
}
