package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers NumPy refuses (other, missing or repeated keys) are refused here too, naming the file. */
class NpyHeaderKeysTest {
  private static final Path SRC = Path.of("keys.npy");
  private static final byte[] DATA = {1, 0, 2, 0};

  @ParameterizedTest
  @ValueSource(strings = {
      "{'descr': '<u2', 'fortran_order': False, 'shape': (2,), 'extra': 1, }",
      "{'descr': '<u2', 'shape': (2,), }",
      "{'descr': '<u2', 'fortran_order': False, 'shape': (2,), 'shape': (2,)}",
      "{'descr': '<u2', 'fortran_order': False, 'shape': (2,), 7: 1}",
      "['descr', '<u2']"})
  void headersNumpyRefusesAreOneLineErrors(String header) {
    BadInputException e = assertThrows(BadInputException.class,
        () -> Npy.parse(SRC, NpyTest.npyFile(1, header + "\n", DATA), 10));
    assertTrue(e.getMessage().startsWith("keys.npy: .npy header"), e.getMessage());
  }

  @Test
  void keysInAnyOrderWithDoubleQuotesAreAccepted() {
    String header = "{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<u2\"}\n";
    assertArrayEquals(new long[] {1, 2}, Npy.parse(SRC, NpyTest.npyFile(1, header, DATA), 10).toLongArray());
  }
}
