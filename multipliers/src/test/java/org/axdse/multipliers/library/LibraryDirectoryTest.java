package org.axdse.multipliers.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.io.Sidecar;
import org.axdse.multipliers.netlist.NetlistBuilder;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryDirectoryTest {
  @TempDir Path dir;

  private static Multiplier table(String name, MultiplierFormat f) {
    return Multiplier.ofTable(name, "", ProductTable.exact(f));
  }

  /** A small 8x2 circuit: product bits a0&w0 and a1|w1. */
  private static Multiplier circuit(String name) {
    NetlistBuilder b = new NetlistBuilder(MultiplierFormat.of(2, Signedness.UNSIGNED));
    return Multiplier.ofNetlist(name, "", b.build(name, b.and(b.a(0), b.w(0)), b.or(b.a(1), b.w(1))));
  }

  @Test
  void loadsEveryFormatWithSidecarsInFileNameOrder() throws Exception {
    MultiplierFiles.write(table("b", MultiplierFormat.unsigned8x8()), dir.resolve("b.bin"));
    MultiplierFiles.writeWithSidecar(table("renamed", MultiplierFormat.signed8x8()), FileFormat.BIN,
        dir.resolve("a.bin"));
    MultiplierFiles.write(table("c", MultiplierFormat.of(4, Signedness.UNSIGNED)), dir.resolve("c.csv"));
    MultiplierFiles.write(table("d", MultiplierFormat.of(2, Signedness.UNSIGNED)), dir.resolve("d.npy"));
    MultiplierFiles.write(circuit("e"), dir.resolve("e.v"));
    Files.writeString(dir.resolve("README.md"), "not a multiplier");
    List<Multiplier> lib = LibraryDirectory.load(dir);
    assertEquals(List.of("renamed", "b", "c", "d", "e"), lib.stream().map(Multiplier::name).toList());
    assertEquals(MultiplierFormat.signed8x8(), lib.get(0).format(), "format from the sidecar");
    assertTrue(lib.get(4).circuit().isPresent());
  }

  /** A --library folder without a multiplier file is a mistake (a wrong or mistyped folder), not an empty library. */
  @Test
  void aCatalogRefusesALibraryFolderWithoutMultipliers() throws Exception {
    Files.writeString(dir.resolve("README.md"), "not a multiplier");
    BadInputException e = assertThrows(BadInputException.class,
        () -> MultiplierCatalog.withDirectories(List.of(dir)));
    assertTrue(e.getMessage().startsWith(dir + ": no multiplier files"), e.getMessage());
    MultiplierFiles.write(circuit("e"), dir.resolve("e.v"));
    assertTrue(MultiplierCatalog.withDirectories(List.of(dir)).contains("e"));
  }

  @Test
  void duplicateNamesAndOrphanSidecarsAreErrors() throws Exception {
    MultiplierFiles.write(table("x", MultiplierFormat.unsigned8x8()), dir.resolve("x.bin"));
    MultiplierFiles.write(table("x", MultiplierFormat.of(4, Signedness.UNSIGNED)), dir.resolve("x.csv"));
    BadInputException e = assertThrows(BadInputException.class, () -> LibraryDirectory.load(dir));
    assertTrue(e.getMessage().contains("'x' is also used by"), e.getMessage());
    Files.delete(dir.resolve("x.csv"));
    Files.writeString(dir.resolve("gone.bin.meta.json"), "{}");
    e = assertThrows(BadInputException.class, () -> LibraryDirectory.load(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("gone.bin.meta.json") + ": sidecar without"), e.getMessage());
  }

  @Test
  void importCopiesOrConvertsWithASidecar() throws Exception {
    Path src = Files.createDirectory(dir.resolve("src"));
    Path lib = dir.resolve("lib");
    Path v = src.resolve("circ.v");
    MultiplierFiles.write(circuit("circ"), v);
    Path bin = src.resolve("s.bin");
    MultiplierFiles.write(table("s", MultiplierFormat.signed8x8()), bin);

    List<Path> written = LibraryDirectory.importInto(List.of(v), lib, null, null);
    assertEquals(List.of(lib.resolve("circ.v")), written);
    assertEquals(Files.readString(v), Files.readString(lib.resolve("circ.v")), "copied byte for byte");
    assertTrue(Files.exists(Sidecar.pathOf(lib.resolve("circ.v"))));

    // A signed .bin needs its format on import; the library's sidecar then records it.
    LibraryDirectory.importInto(List.of(bin), lib, FileFormat.NPY, MultiplierFormat.signed8x8());
    List<Multiplier> loaded = LibraryDirectory.load(lib);
    assertEquals(List.of("circ", "s"), loaded.stream().map(Multiplier::name).toList());
    assertEquals(ProductTable.exact(MultiplierFormat.signed8x8()), loaded.get(1).table());
    assertEquals("{\n  \"name\" : \"s\",\n  \"description\" : \"imported from s.bin\",\n  \"format\" : \"s8x8\"\n}",
        Files.readString(Sidecar.pathOf(lib.resolve("s.npy"))));
  }

  @Test
  void failedImportWritesNothing() throws Exception {
    Path src = Files.createDirectory(dir.resolve("src"));
    Path lib = dir.resolve("lib");
    Path good = src.resolve("good.v");
    MultiplierFiles.write(circuit("good"), good);
    Path table = src.resolve("t.bin");
    MultiplierFiles.write(table("t", MultiplierFormat.unsigned8x8()), table);
    // The table cannot become Verilog; the error comes before anything is written.
    BadInputException e = assertThrows(BadInputException.class,
        () -> LibraryDirectory.importInto(List.of(good, table), lib, FileFormat.VERILOG, null));
    assertTrue(e.getMessage().contains("needs a netlist"), e.getMessage());
    assertFalse(Files.exists(lib.resolve("good.v")));
    // A name clash with the library is an error too.
    LibraryDirectory.importInto(List.of(good), lib, null, null);
    e = assertThrows(BadInputException.class, () -> LibraryDirectory.importInto(List.of(good), lib, null, null));
    assertTrue(e.getMessage().contains("already used"), e.getMessage());
  }
}
