package org.axdse.explorer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axdse.explorer.search.SearchSettings;
import org.junit.jupiter.api.Test;

class QuantOptionsTest {
  @Test
  void settingsKeepTheQuantizationOptionsThroughTheCheckpointMap() {
    QuantOptions q = new QuantOptions(64, QuantOptions.HOLDOUT, 6, true, "m.preprocess.json").withCompensate("both");
    SearchSettings s = SearchSettings.builder().setModel("m").setData("d").setGenerations(2).optQuantization(q)
        .build();
    SearchSettings back = SearchSettings.fromMap(s.toMap());
    assertEquals(q, back.quantization());
    assertEquals(q, back.problemRequest().quantization());
  }

  @Test
  void aCheckpointWithoutTheOptionsReadsAsTheDefaults() {
    SearchSettings s = SearchSettings.builder().setModel("m").setData("d").setGenerations(2).build();
    Map<String, Object> m = new LinkedHashMap<>(s.toMap());
    for (String k : new String[] {"calib", "calib_data", "weight_bits", "per_channel", "preprocess", "compensate"}) {
      m.remove(k);
    }
    assertEquals(QuantOptions.defaults(), SearchSettings.fromMap(m).quantization());
  }

  @Test
  void badValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new QuantOptions(0, "", 8, false, ""));
    assertThrows(IllegalArgumentException.class, () -> new QuantOptions(10, "", 9, false, ""));
    assertThrows(IllegalArgumentException.class, () -> new QuantOptions(10, "", 1, false, ""));
    assertThrows(IllegalArgumentException.class, () -> new QuantOptions(10, "", 8, false, "").withCompensate("retrain"));
  }
}
