package org.axdse.multipliers.cli.flags;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axdse.multipliers.util.BadInputException;
import picocli.CommandLine.Option;

/**
 * The {@code --format} flag of every command that prints results (a picocli mixin): {@code table} for people,
 * {@code json} for programs (one JSON document on stdout, nothing else there). A command that also offers other
 * formats (such as {@code csv}) names them in {@link #check}.
 */
public final class OutputFormat {
  /** The formats a command can print. */
  public enum Format {
    TABLE, JSON, CSV;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Option(names = "--format", paramLabel = "FMT", description = "table or json (multipliers list: also csv) (default: ${DEFAULT-VALUE})")
  String value = "table";

  /** The chosen format when it is one of {@code accepted}; else a one-line error naming the flag. */
  public Format check(Format... accepted) {
    for (Format f : accepted) {
      if (f.label().equals(value)) {
        return f;
      }
    }
    throw new BadInputException("--format: expected " + Arrays.stream(accepted).map(Format::label)
        .collect(Collectors.joining(" or ")) + ", got '" + value + "'");
  }

  /** The chosen format of a command that prints a table or JSON. */
  public Format check() {
    return check(Format.TABLE, Format.JSON);
  }

  /** True for {@code --format json} (call {@link #check} first). */
  public boolean json() {
    return value.equals("json");
  }
}
