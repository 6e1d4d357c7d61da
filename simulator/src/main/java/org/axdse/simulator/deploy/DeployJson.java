package org.axdse.simulator.deploy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.IoProblems;
import org.axdse.multipliers.util.JsonFiles;

/**
 * Reads and writes {@code deploy.json} ({@link DeployConfig}): snake_case fields, every field required (optional
 * ones written as {@code null}), unknown fields rejected, problems reported as one line naming the file, the line
 * and the field. Writes are atomic.
 */
public final class DeployJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  private DeployJson() {}

  /**
   * True when {@code file} is JSON whose top-level {@code format} is {@link DeployConfig#FORMAT}: how
   * {@code axdse evaluate --config} tells a deploy file from an assignment file. False for anything else,
   * including unreadable files (the assignment reader then reports them).
   */
  public static boolean isDeployFile(Path file) {
    return JsonFiles.hasFormat(file, DeployConfig.FORMAT);
  }


  /**
   * The deploy file {@code file}. A version-2 file (before the retraining's schedule, weight decay, augmentation,
   * training data and emulation were recorded) is read as version 3 with those fields null.
   */
  public static DeployConfig read(Path file) {
    JsonNode root = JsonFiles.readTree(file);
    if (root instanceof ObjectNode o && o.path("format_version").isInt() && o.get("format_version").asInt() == 2) {
      o.put("format_version", DeployConfig.FORMAT_VERSION);
      if (o.get("retraining") instanceof ObjectNode r) {
        for (String field : List.of("schedule", "weight_decay", "augmentation", "train_data", "emulation")) {
          if (!r.has(field)) {
            r.putNull(field);
          }
        }
      }
      try {
        return MAPPER.treeToValue(o, DeployConfig.class);
      } catch (JsonProcessingException e) {
        throw JsonFiles.describe(file, e);
      }
    }
    return JsonFiles.read(file, MAPPER, DeployConfig.class);
  }


  public static void write(DeployConfig config, Path file) {
    AtomicFiles.write(file, out -> {
      MAPPER.writeValue(out, config);
      out.write('\n');
    });
  }

  /** The SHA-256 of {@code file}'s bytes in lower-case hex. */
  public static String sha256(Path file) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      try (var in = Files.newInputStream(file)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          d.update(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ObjectMapper of deploy files, for building the embedded JSON trees. */
  static ObjectMapper mapper() {
    return MAPPER;
  }
}
