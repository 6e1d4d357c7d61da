package org.axdse.simulator.imc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Locale;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;

/**
 * Reads an {@link ImcArchitecture} from JSON: one object with every field of {@link Fields} except {@code notes}
 * (free text for sources), nothing else. A missing or unknown field, a wrong type or a value out of range is a
 * one-line error naming the file. The shipped default is the resource {@value #DEFAULT_RESOURCE}.
 */
public final class ImcArchitectureJson {
  /** The class-path resource of the default architecture (ISAAC-like; see docs/imc.md). */
  public static final String DEFAULT_RESOURCE = "/org/axdse/simulator/imc/isaac.imc.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The file's fields, each null when absent. */
  record Fields(String name, Integer rows, Integer columns, Integer cellBits, Integer dacBits, String adcMode,
      Integer adcsPerArray, Integer arrayReadCycles, Integer adcCyclesPerBit, Double adcPj, Integer adcReferenceBits,
      Double arrayReadPj, Double dacPjPerRow, Double shiftAddPj, Double bufferPjPerByte, String notes) {}

  private ImcArchitectureJson() {}

  /** The architecture in {@code file}. */
  public static ImcArchitecture read(Path file) {
    return parse(file, JsonFiles.read(file, MAPPER, Fields.class));
  }

  /** The shipped default architecture. */
  public static ImcArchitecture defaults() {
    return parse(Path.of("isaac.imc.json"), defaultBytes());
  }

  /** The text of the shipped default architecture file. */
  public static byte[] defaultBytes() {
    try (InputStream in = ImcArchitectureJson.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The architecture in {@code json}, the content of an architecture file; errors name {@code label}. */
  public static ImcArchitecture parse(Path label, byte[] json) {
    try {
      JsonFiles.checkStrict(label, json);
      return parse(label, MAPPER.readValue(json, Fields.class));
    } catch (JsonProcessingException e) {
      throw JsonFiles.describe(label, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImcArchitecture parse(Path file, Fields f) {
    try {
      return build(f);
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, e.getMessage());
    }
  }

  private static ImcArchitecture build(Fields f) {
    for (RecordComponent c : Fields.class.getRecordComponents()) {
      try {
        if (!c.getName().equals("notes") && c.getAccessor().invoke(f) == null) {
          throw new IllegalArgumentException("missing field '" + c.getName() + "'");
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    AdcMode mode = switch (f.adcMode().strip().toLowerCase(Locale.ROOT)) {
      case "saturate" -> AdcMode.SATURATE;
      case "round" -> AdcMode.ROUND;
      default -> throw new IllegalArgumentException("adcMode must be saturate or round, not '" + f.adcMode() + "'");
    };
    if (f.rows() > ImcArchitecture.MAX_ROWS) {
      throw new IllegalArgumentException("rows " + f.rows() + " is larger than supported (at most "
          + ImcArchitecture.MAX_ROWS + ")");
    }
    return new ImcArchitecture(f.name(), f.rows(), f.columns(), f.cellBits(), f.dacBits(), mode, f.adcsPerArray(),
        f.arrayReadCycles(), f.adcCyclesPerBit(), new ImcEnergies(f.adcPj(), f.adcReferenceBits(), f.arrayReadPj(),
            f.dacPjPerRow(), f.shiftAddPj(), f.bufferPjPerByte()));
  }
}
