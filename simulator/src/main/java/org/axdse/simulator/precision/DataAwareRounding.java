package org.axdse.simulator.precision;

import java.util.Map;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.WeightRounding;
import org.axdse.simulator.share.SharedModel;
import org.axdse.simulator.share.variant.CodebookFit;

/**
 * The rounding a {@link DataAwarePrecision} puts on a quantized model: GPTQ for the narrower widths of unshared
 * layers ({@link GptqRounding}) and refitted codebooks for shared layers ({@link SharedCodebooks}), from one set
 * of input moments.
 */
final class DataAwareRounding implements WeightRounding, CodebookFit {
  private final Map<Integer, InputMoments.LayerMoments> moments;
  private final DataAwarePrecision settings;
  private final GptqRounding gptq;

  DataAwareRounding(Model model, Map<Integer, InputMoments.LayerMoments> moments, DataAwarePrecision settings) {
    this.moments = Map.copyOf(moments);
    this.settings = settings;
    this.gptq = settings.gptq() ? new GptqRounding(model, moments, Gptq.DAMP) : null;
  }

  @Override
  public LayerQuantization round(int index, LayerQuantization nearest) {
    return gptq == null ? nearest : gptq.round(index, nearest);
  }

  @Override
  public SharedModel refit(Model original, SharedModel shared) {
    return settings.refitRounds() < 0 ? shared
        : SharedCodebooks.refit(original, shared, moments, settings.refitRounds());
  }

  @Override
  public String label() {
    return settings.label();
  }
}
