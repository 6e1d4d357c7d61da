package org.axdse.multipliers.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.axdse.multipliers.MultiplierSummary;

/** JSON form of multiplier summaries: metrics, absolute and relative cost, published figures. */
public final class SummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  public static String toJson(MultiplierSummary summary) {
    return write(summary);
  }

  public static String toJson(List<MultiplierSummary> summaries) {
    return write(summaries);
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write summary JSON: " + e.getMessage(), e);
    }
  }
}
