package org.axdse.explorer.imc;

import java.util.List;
import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcConfig;
import org.axdse.simulator.imc.ImcCost;
import org.axdse.simulator.imc.ImcKnobs;
import org.axdse.simulator.imc.ImcNetwork;
import org.axdse.simulator.imc.ImcSession;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * An IMC search problem: one {@link ImcSession} for the screening images and one for the final ones. An
 * evaluation decodes the assignment's configuration names into knobs ({@link ImcConfig}), runs the images
 * through the bit-exact dataflow and reports top-1, the energy per image relative to full-precision IMC (as both
 * multiplier and system energy: the arrays and their periphery are the whole model) and the latency relative to
 * it; with a bias correction, both sessions share it (measured once per configuration). Evaluations are serialized (each uses every kernel thread); results do not depend on the thread count.
 */
final class ImcProblem implements SearchProblem {
  private final Model model;
  private final ImcSession screening;
  private final ImcSession fin;
  private final Kernels kernels;
  private final ImcCost full;
  private SearchSpace space;

  /** {@code bias}: the calibration images of the bias correction in {@code biasOrder}, or null for none. */
  ImcProblem(Model model, QuantizedModel quant, ImcArchitecture arch, Dataset screening, Dataset fin,
      Dataset bias, String biasOrder, Kernels kernels) {
    this.model = model;
    this.screening = new ImcSession(model, quant, screening, arch, kernels, 100);
    this.fin = new ImcSession(model, quant, fin, arch, kernels, 100);
    if (bias != null) {
      this.fin.correctBias(this.screening.correctBias(bias, biasOrder));
    }
    this.kernels = kernels;
    this.full = network().cost(network().allFull());
  }

  ImcNetwork network() {
    return screening.network();
  }

  void space(SearchSpace s) {
    space = s;
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public CandidateEvaluator evaluator() {
    return this::evaluate;
  }

  private synchronized CandidateResult evaluate(Assignment assignment, Fidelity fidelity) {
    List<ImcKnobs> knobs = ImcConfig.knobs(assignment, model, network(), "candidate");
    ImcSession s = fidelity == Fidelity.SCREENING ? screening : fin;
    double top1 = s.top1(knobs, s.all());
    ImcCost c = network().cost(knobs);
    double energy = c.energyPj() / full.energyPj();
    return new CandidateResult(top1, energy, energy, Double.NaN,
        (double) c.latencyCycles() / full.latencyCycles(), 0);
  }

  @Override
  public void close() {
    kernels.close();
  }
}
