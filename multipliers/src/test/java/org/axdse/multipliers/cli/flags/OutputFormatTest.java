package org.axdse.multipliers.cli.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.axdse.multipliers.cli.flags.OutputFormat.Format;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
  static OutputFormat of(String value) {
    OutputFormat f = new OutputFormat();
    f.value = value;
    return f;
  }

  @Test
  void acceptsOnlyTheFormatsTheCommandNames() {
    assertEquals(Format.JSON, of("json").check());
    assertEquals(Format.TABLE, of("table").check());
    assertEquals(Format.CSV, of("csv").check(Format.TABLE, Format.CSV, Format.JSON));
    BadInputException e = assertThrows(BadInputException.class, () -> of("csv").check());
    assertEquals("--format: expected table or json, got 'csv'", e.getMessage());
  }
}
