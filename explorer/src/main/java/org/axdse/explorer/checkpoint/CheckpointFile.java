package org.axdse.explorer.checkpoint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;

/**
 * The checkpoint on disk: a header line {@code axdse-checkpoint 1 sha256=HEX} followed by the {@link Checkpoint}
 * as JSON, where HEX is the SHA-256 of everything after the header line. Written atomically (temporary file,
 * then rename), so a crash leaves the previous checkpoint or the new one, never a mixture; a file whose checksum
 * or content does not verify is reported as corrupt in one line and never written over by a resume.
 */
public final class CheckpointFile {
  private static final String MAGIC = "axdse-checkpoint";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  private CheckpointFile() {}

  public static void write(Path file, Checkpoint checkpoint) {
    writeValue(file, checkpoint);
  }

  /** Writes {@code value} (a record of this package) in the checkpoint's format: header, checksum, JSON. */
  public static void writeValue(Path file, Object value) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode checkpoint: " + e.getMessage(), e);
    }
    byte[] header = (MAGIC + " " + Checkpoint.FORMAT_VERSION + " sha256=" + sha256(body) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
    AtomicFiles.write(file, out -> {
      out.write(header);
      out.write(body);
    });
  }

  /** Reads and verifies a checkpoint; every failure is one line naming the file. */
  public static Checkpoint read(Path file) {
    return read(file, Checkpoint.class);
  }

  /** Reads and verifies a file written by {@link #writeValue}; every failure is one line naming the file. */
  public static <T> T read(Path file, Class<T> type) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw BadInputException.in(file, "no such file: not a search run directory, or the run never checkpointed");
    } catch (IOException e) {
      throw BadInputException.in(file, "cannot read: " + e.getMessage());
    }
    int nl = 0;
    while (nl < bytes.length && bytes[nl] != '\n') {
      nl++;
    }
    String header = new String(bytes, 0, nl, StandardCharsets.US_ASCII);
    String[] parts = header.split(" ");
    if (nl == bytes.length || parts.length != 3 || !parts[0].equals(MAGIC) || !parts[2].startsWith("sha256=")) {
      throw BadInputException.at(file, 1, "corrupt checkpoint: bad header (the file is left untouched)");
    }
    if (!parts[1].equals(String.valueOf(Checkpoint.FORMAT_VERSION))) {
      throw BadInputException.at(file, 1, "unsupported checkpoint version " + parts[1] + " (this build reads "
          + Checkpoint.FORMAT_VERSION + ")");
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, nl + 1, bytes.length);
    if (!sha256(body).equals(parts[2].substring("sha256=".length()))) {
      throw BadInputException.in(file, "corrupt checkpoint: checksum mismatch (the file is left untouched)");
    }
    try {
      return JSON.readValue(body, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw BadInputException.in(file, "corrupt checkpoint: " + JsonFiles.problem(e) + " (the file is left untouched)");
    } catch (IOException | RuntimeException e) {
      throw BadInputException.in(file, "corrupt checkpoint: " + e.getMessage().lines().findFirst().orElse("")
          + " (the file is left untouched)");
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
