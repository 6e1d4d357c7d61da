package org.axdse.explorer.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.multipliers.util.BadInputException;

/**
 * The persisted evaluation cache: an append-only text file, one evaluation per line as {@code CRC32 JSON}, where
 * the CRC (8 hex digits) covers the JSON. Records are appended as evaluations complete, in any order (results
 * are pure functions of the genome), and flushed to the operating system at once, so a process killed at any
 * moment keeps every completed evaluation; {@link #sync()} forces them to disk before a checkpoint is written.
 * A last line without its newline (an append cut short by a kill) is dropped and cut off when the log is
 * reopened; any other bad line is corruption and fails with one line naming the file and line.
 */
public final class EvaluationLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;

  private EvaluationLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** What {@link #open} found: the records in file order, and whether a cut-off last line was dropped. */
  public record Contents(List<EvaluationRecord> records, boolean droppedTornLine) {}

  /** Creates an empty log at {@code file}; fails when one exists. */
  public static EvaluationLog create(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return new EvaluationLog(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw BadInputException.in(file, "already exists");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads every record of an existing log without changing the file. */
  public static Contents read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw BadInputException.in(file, "no such file: the evaluation log of the checkpoint is missing");
    } catch (IOException e) {
      throw BadInputException.in(file, "cannot read: " + e.getMessage());
    }
    List<EvaluationRecord> records = new ArrayList<>();
    int start = 0;
    int line = 1;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end == bytes.length) {
        return new Contents(records, true);
      }
      records.add(parse(file, line, new String(bytes, start, end - start, StandardCharsets.UTF_8)));
      start = end + 1;
      line++;
    }
    return new Contents(records, false);
  }

  /** Opens an existing log for appending, first cutting off a torn last line (see {@link #read}). */
  public static EvaluationLog openForAppend(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      int keep = bytes.length;
      while (keep > 0 && bytes[keep - 1] != '\n') {
        keep--;
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
      if (keep < bytes.length) {
        ch.truncate(keep);
        ch.force(true);
      }
      ch.position(keep);
      return new EvaluationLog(file, ch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** Appends one record and hands it to the operating system (no fsync; see {@link #sync()}). */
  public synchronized void append(EvaluationRecord r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("f", r.fidelity().name().toLowerCase(Locale.ROOT));
    ArrayNode g = o.putArray("g");
    for (int v : r.genome()) {
      g.add(v);
    }
    o.put("a", r.result().accuracy());
    o.put("m", r.result().multiplierEnergy());
    if (Double.isNaN(r.result().systemEnergy())) {
      o.putNull("s");
    } else {
      o.put("s", r.result().systemEnergy());
    }
    if (!Double.isNaN(r.result().weightMemory())) {
      o.put("w", r.result().weightMemory());
    }
    if (!Double.isNaN(r.result().latency())) {
      o.put("l", r.result().latency());
    }
    if (r.result().stopped()) {
      o.put("n", r.result().stoppedAfter());
    }
    String json = o.toString();
    String line = crc(json) + " " + json + "\n";
    try {
      ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Forces every appended record to disk. */
  public synchronized void sync() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }

  private static EvaluationRecord parse(Path file, int line, String text) {
    int space = text.indexOf(' ');
    if (space != 8 || !text.substring(0, 8).equals(crc(text.substring(9)))) {
      throw BadInputException.at(file, line, "corrupt evaluation record (checksum mismatch)");
    }
    try {
      JsonNode o = JSON.readTree(text.substring(9));
      Fidelity f = Fidelity.valueOf(o.get("f").asText().toUpperCase(Locale.ROOT));
      JsonNode g = o.get("g");
      int[] genome = new int[g.size()];
      for (int i = 0; i < genome.length; i++) {
        genome[i] = g.get(i).intValue();
      }
      JsonNode s = o.get("s");
      return new EvaluationRecord(f, genome, new CandidateResult(o.get("a").doubleValue(),
          o.get("m").doubleValue(), s.isNull() ? Double.NaN : s.doubleValue(),
          o.has("w") ? o.get("w").doubleValue() : Double.NaN, o.has("l") ? o.get("l").doubleValue() : Double.NaN,
          o.has("n") ? o.get("n").intValue() : 0));
    } catch (IOException | RuntimeException e) {
      throw BadInputException.at(file, line, "corrupt evaluation record: " + e.getMessage());
    }
  }

  static String crc(String text) {
    CRC32 c = new CRC32();
    c.update(text.getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%08x", c.getValue());
  }
}
