package org.axdse.simulator.energy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;
import org.axdse.multipliers.util.JsonFiles;

/** JSON reading and writing of {@link ArchitectureEnergy}, with missing fields taken from the defaults. */
final class ArchitectureJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** The file's fields, each null when absent. */
  private record Fields(String name, Double multiply8Pj, Double add32Pj, Double registerFilePj,
      Double registerFileAccessesPerMac, Double sramPj, Double dramPj, Double weightReuse, Double inputReuse,
      Double dramWeightReadsPerInference) {}

  private ArchitectureJson() {}

  static ArchitectureEnergy load(Path file) {
    Fields f;
    try {
      if (!Files.isRegularFile(file)) {
        throw BadInputException.in(file, "no such file");
      }
      JsonFiles.checkStrict(file, Files.readAllBytes(file));
      checkFieldNames(file);
      f = MAPPER.readValue(file.toFile(), Fields.class);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      String problem = "invalid architecture JSON: " + e.getOriginalMessage();
      throw line > 0 ? BadInputException.at(file, line, problem) : BadInputException.in(file, problem);
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
    if (f == null) {
      throw BadInputException.in(file, "expected a JSON object of per-operation energies, got null");
    }
    ArchitectureEnergy d = ArchitectureEnergy.defaults();
    try {
      return new ArchitectureEnergy(
          f.name() != null ? f.name() : String.valueOf(file.getFileName()),
          or(f.multiply8Pj(), d.multiply8Pj()),
          or(f.add32Pj(), d.add32Pj()),
          or(f.registerFilePj(), d.registerFilePj()),
          or(f.registerFileAccessesPerMac(), d.registerFileAccessesPerMac()),
          or(f.sramPj(), d.sramPj()),
          or(f.dramPj(), d.dramPj()),
          or(f.weightReuse(), d.weightReuse()),
          or(f.inputReuse(), d.inputReuse()),
          or(f.dramWeightReadsPerInference(), d.dramWeightReadsPerInference()));
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, e.getMessage());
    }
  }

  /**
   * Rejects an unknown top-level field at its own line (record binding buffers the fields, so Jackson's own error
   * would point at the end of the object).
   */
  private static void checkFieldNames(Path file) throws IOException {
    List<String> known = Arrays.stream(Fields.class.getRecordComponents()).map(RecordComponent::getName).toList();
    try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
      int depth = 0;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        } else if (t == JsonToken.FIELD_NAME && depth == 1 && !known.contains(p.currentName())) {
          throw BadInputException.at(file, p.currentLocation().getLineNr(), "unknown field '" + p.currentName()
              + "' (known: " + String.join(", ", known) + ")");
        }
      }
    }
  }

  static String write(ArchitectureEnergy a) {
    try {
      return MAPPER.writeValueAsString(a) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double or(Double v, double fallback) {
    return v != null ? v : fallback;
  }
}
