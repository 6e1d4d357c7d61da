package org.axdse.multipliers.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.PublishedFigures;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;
import org.axdse.multipliers.util.JsonFiles;

/**
 * Metadata stored next to a multiplier file as {@code FILE.meta.json} (e.g. {@code mul8u_1JFF.v.meta.json}).
 * Every field is optional: {@code name} overrides the file's base name, {@code format} ({@code u8x8},
 * {@code s8x4}, ...) or {@code signedness} ({@code unsigned}, {@code signed}) tell what the file cannot, and
 * {@code published} carries figures published with the design. Unknown fields are errors, to catch typos.
 *
 * @param name multiplier name, or null for the file's base name
 * @param description one line for listings, or null
 * @param format full format such as {@code s8x8}, or null
 * @param signedness {@code unsigned} or {@code signed}, or null
 * @param published published figures, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sidecar(String name, String description, String format, String signedness, Published published) {

  /** Figures as published; absent ones are null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Published(Double power, String powerUnit, Double area, String areaUnit, Double delay,
      String delayUnit, String technology) {

    PublishedFigures toFigures() {
      return new PublishedFigures(nanIfNull(power), powerUnit, nanIfNull(area), areaUnit, nanIfNull(delay),
          delayUnit, technology);
    }

    static Published of(PublishedFigures f) {
      return new Published(nullIfNan(f.power()), emptyToNull(f.powerUnit()), nullIfNan(f.area()),
          emptyToNull(f.areaUnit()), nullIfNan(f.delay()), emptyToNull(f.delayUnit()), emptyToNull(f.technology()));
    }
  }

  static final Sidecar EMPTY = new Sidecar(null, null, null, null, null);

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** The sidecar path of {@code file}: {@code FILE.meta.json} in the same directory. */
  public static Path pathOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".meta.json");
  }

  /** Reads the sidecar of {@code file}, or {@link #EMPTY} when there is none. */
  public static Sidecar readFor(Path file) {
    Path p = pathOf(file);
    return Files.isRegularFile(p) ? read(p) : EMPTY;
  }

  /** Reads and validates a sidecar file. */
  public static Sidecar read(Path sidecarFile) {
    Sidecar s;
    try {
      s = MAPPER.readValue(JsonFiles.strictBytes(sidecarFile), Sidecar.class);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String problem = "bad sidecar JSON: " + e.getOriginalMessage();
      throw line > 0 ? BadInputException.at(sidecarFile, line, problem) : BadInputException.in(sidecarFile, problem);
    } catch (IOException e) {
      throw IoProblems.badInput(sidecarFile, e);
    }
    if (s == null) {
      throw BadInputException.in(sidecarFile, "sidecar must be a JSON object");
    }
    s.validate(sidecarFile);
    return s;
  }

  /** The sidecar describing {@code m}. */
  public static Sidecar of(Multiplier m) {
    return new Sidecar(m.name(), m.description().isEmpty() ? null : m.description(), m.format().namePrefix(), null,
        m.publishedFigures().map(Published::of).orElse(null));
  }

  /** Writes this sidecar next to {@code file}, atomically. */
  public void writeFor(Path file) {
    try {
      AtomicFiles.write(pathOf(file), MAPPER.writeValueAsBytes(this));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise sidecar", e);
    }
  }

  private void validate(Path src) {
    if (name != null && !name.matches("[A-Za-z0-9_.+-]+")) {
      throw BadInputException.in(src, "name '" + name + "' may use only letters, digits and _.+-");
    }
    hint(src);
  }

  /** The full format this sidecar names, or null. */
  MultiplierFormat declaredFormat(Path src) {
    return format == null ? null : FormatHint.parseFormat(src, format);
  }

  /** What this sidecar says about the format. */
  FormatHint hint(Path src) {
    MultiplierFormat f = format == null ? null : FormatHint.parseFormat(src, format);
    Signedness s = null;
    if (signedness != null) {
      s = switch (signedness.toLowerCase(Locale.ROOT)) {
        case "unsigned" -> Signedness.UNSIGNED;
        case "signed" -> Signedness.SIGNED;
        default -> throw BadInputException.in(src, "signedness must be 'unsigned' or 'signed', got '"
            + signedness + "'");
      };
      if (f != null && f.signedness() != s) {
        throw BadInputException.in(src, "format '" + format + "' contradicts signedness '" + signedness + "'");
      }
    }
    return f != null ? FormatHint.of(f) : new FormatHint(null, s);
  }

  /** {@code m} with this sidecar's name, description and published figures applied where given. */
  Multiplier applyTo(Multiplier m) {
    PublishedFigures figures = published != null ? published.toFigures() : m.published();
    return new Multiplier(name != null ? name : m.name(), description != null ? description : m.description(),
        m.table(), m.netlist() == null || name == null ? m.netlist() : m.netlist().withName(name), figures);
  }

  private static double nanIfNull(Double d) {
    return d == null ? Double.NaN : d;
  }

  private static Double nullIfNan(double d) {
    return Double.isNaN(d) ? null : d;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
