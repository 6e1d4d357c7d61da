package org.axdse.multipliers.util;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading the project's JSON files with the project's one-line errors: a missing, unreadable, empty or malformed
 * file becomes a {@link BadInputException} naming the file, the line, the field path ({@code a.b[2].c}) and the
 * problem in words (an unknown field lists the known ones; a validating constructor's message is used as it is);
 * and telling files apart by their top-level {@code format} field.
 */
public final class JsonFiles {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private JsonFiles() {}

  /** {@code file} read with {@code mapper} as a {@code type}; every problem is a one-line error. */
  public static <T> T read(Path file, ObjectMapper mapper, Class<T> type) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      checkStrict(file, bytes);
      T value = mapper.readValue(bytes, type);
      if (value == null || value instanceof JsonNode n && n.isMissingNode()) {
        throw BadInputException.in(file, "empty JSON document");
      }
      return value;
    } catch (NoSuchFileException e) {
      throw BadInputException.in(file, "no such file");
    } catch (JsonProcessingException e) {
      throw describe(file, e);
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  /**
   * {@code file} as a JSON tree; a missing, unreadable, empty, truncated or non-standard (NaN, comments) file is a
   * one-line error. Commands that tell files apart by {@link #hasFormat} call this first, so that a broken file
   * is reported as broken rather than as some other kind of file.
   */
  public static JsonNode readTree(Path file) {
    return read(file, PLAIN, JsonNode.class);
  }

  /**
   * Checks what Jackson's readers let through: {@code bytes} must hold exactly one JSON document (nothing but
   * white space after it) whose numbers are all finite ({@code 1e999} overflows to infinity). The error names
   * {@code file}, the line and the field. Every reader of a user's JSON file calls this before binding.
   */
  public static void checkStrict(Path file, byte[] bytes) {
    try (JsonParser p = PLAIN.getFactory().createParser(bytes)) {
      if (p.nextToken() == null) {
        throw BadInputException.in(file, "empty JSON document");
      }
      int depth = 0;
      for (JsonToken t = p.currentToken(); t != null; t = p.nextToken()) {
        depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
        if (t == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue())) {
          throw BadInputException.at(file, p.currentLocation().getLineNr(), pointer(p)
              + "number " + p.getText() + " is out of range (not a finite double)");
        }
        if (depth == 0 && p.nextToken() != null) {
          throw BadInputException.at(file, p.currentLocation().getLineNr(),
              "more content after the JSON document (one document per file)");
        }
        if (depth == 0) {
          return;
        }
      }
    } catch (JsonProcessingException e) {
      throw describe(file, e);
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  /** The bytes of {@code file} after {@link #checkStrict}; I/O failures are thrown as they are. */
  public static byte[] strictBytes(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    checkStrict(file, bytes);
    return bytes;
  }

  private static String pointer(JsonParser p) {
    String path = p.getParsingContext().pathAsPointer().toString();
    return path.isEmpty() ? "" : path.substring(1).replace('/', '.') + ": ";
  }

  /**
   * True when {@code file} is a JSON object whose top-level {@code format} is {@code format}; false for anything
   * else, including unreadable files (the reader that handles them then reports the problem).
   */
  public static boolean hasFormat(Path file, String format) {
    try {
      JsonNode root = PLAIN.readTree(Files.readAllBytes(file));
      return root != null && root.isObject() && root.path("format").asText("").equals(format);
    } catch (IOException e) {
      return false;
    }
  }

  public static BadInputException describe(Path file, JsonProcessingException e) {
    String text = problem(e);
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    return line > 0 ? BadInputException.at(file, line, text) : BadInputException.in(file, text);
  }

  /** The field path ({@code a.b[2].c: }, when known) and the problem of {@code e} in words, without Java names. */
  public static String problem(JsonProcessingException e) {
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
    } else if (problem != null) {
      problem = JsonWords.plain(problem);
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
        problem = t.getMessage() == null ? "missing value" : t.getMessage();
      }
    }
    return (where.isEmpty() ? "" : where + ": ") + (problem == null ? "malformed JSON" : problem);
  }

}
