package org.axdse.multipliers.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;

/**
 * Turns a Jackson failure on a strict JSON file (unknown fields rejected, creator properties required) into the
 * project's one-line {@link BadInputException}: the file, the line, the field path ({@code a.b[2].c}) and the
 * problem in words (an unknown field lists the known ones; a validating constructor's message is used as it is).
 */
public final class JsonErrors {
  private JsonErrors() {}

  public static BadInputException describe(Path file, JsonProcessingException e) {
    StringBuilder where = new StringBuilder();
    if (e instanceof JsonMappingException m) {
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          where.append(where.isEmpty() ? "" : ".").append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          where.append('[').append(r.getIndex()).append(']');
        }
      }
    }
    String problem = e.getOriginalMessage();
    if (e instanceof UnrecognizedPropertyException u) {
      problem = "unknown field (known: " + String.join(", ", u.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().toList()) + ")";
    } else if (problem != null && problem.startsWith("Missing creator property")) {
      problem = "missing field";
    } else if (problem != null && problem.startsWith("Null value for creator property")) {
      problem = "must not be null";
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
        problem = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      }
    }
    String text = (where.isEmpty() ? "" : where + ": ") + problem;
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    return line > 0 ? BadInputException.at(file, line, text) : BadInputException.in(file, text);
  }
}
