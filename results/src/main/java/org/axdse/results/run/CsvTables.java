package org.axdse.results.run;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;

/**
 * RFC 4180 CSV tables with a fixed header, through Commons CSV: written atomically, read with the header checked
 * and every bad cell reported as one line naming the file, the line and the column. Empty cells of number
 * columns mean NaN.
 */
final class CsvTables {
  private CsvTables() {}

  /** Turns one parsed row into a value; throws {@link IllegalArgumentException} for bad content. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(Row row);
  }

  /** One data row, with typed access by column name. */
  static final class Row {
    private final CSVRecord record;

    private Row(CSVRecord record) {
      this.record = record;
    }

    boolean has(String column) {
      return record.isMapped(column);
    }

    String text(String column) {
      return record.get(column);
    }

    int integer(String column) {
      try {
        return Integer.parseInt(record.get(column).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column " + column + ": not an integer: '" + record.get(column) + "'");
      }
    }

    long longInteger(String column) {
      try {
        return Long.parseLong(record.get(column).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column " + column + ": not an integer: '" + record.get(column) + "'");
      }
    }

    double number(String column) {
      String s = record.get(column).strip();
      if (s.isEmpty()) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column " + column + ": not a number: '" + s + "'");
      }
    }
  }

  /** A number cell: empty for NaN, else the shortest text that reads back to the same double. */
  static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  static void write(Path file, List<String> header, List<List<String>> rows) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).build();
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(w, format);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
      printer.flush();
    });
  }

  static <T> List<T> read(Path file, List<String> header, RowReader<T> reader) {
    return readAny(file, List.of(header), reader);
  }

  /** As {@link #read(Path, List, RowReader)}, accepting any of {@code headers} (older layouts of a file). */
  static <T> List<T> readAny(Path file, List<List<String>> headers, RowReader<T> reader) {
    List<String> header = headers.get(0);
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .build();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      if (headers.contains(parser.getHeaderNames())) {
        header = parser.getHeaderNames();
      } else {
        throw BadInputException.at(file, 1, "expected the columns " + String.join(",", header) + " but found "
            + String.join(",", parser.getHeaderNames()));
      }
      List<T> out = new ArrayList<>();
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
          throw BadInputException.at(file, (int) line, "expected " + header.size() + " cells, found "
              + record.size());
        }
        try {
          out.add(reader.read(new Row(record)));
        } catch (IllegalArgumentException | NullPointerException e) {
          throw BadInputException.at(file, (int) line, String.valueOf(e.getMessage()));
        }
      }
      return out;
    } catch (NoSuchFileException e) {
      throw BadInputException.in(file, "no such file");
    } catch (IOException | UncheckedIOException e) {
      throw BadInputException.in(file, "malformed CSV: " + e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw BadInputException.in(file, "malformed CSV: " + e.getMessage());
    }
  }
}
