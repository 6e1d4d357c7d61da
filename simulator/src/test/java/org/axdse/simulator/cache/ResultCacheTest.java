package org.axdse.simulator.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries round-trip; truncated, edited, stale and misplaced entries are misses with a reason. */
class ResultCacheTest {
  @TempDir Path dir;

  private static final byte[] BODY = "predictions 0 1 2 3".getBytes(StandardCharsets.UTF_8);

  private static CacheKey key(String part) {
    return CacheKey.builder("exact").add(part).add(7).build();
  }

  @Test
  void storedBodyComesBackAndOtherKeysMiss() {
    ResultCache c = ResultCache.at(dir);
    assertEquals("missing", c.get(key("a")).problem());
    assertTrue(c.put(key("a"), BODY));
    assertArrayEquals(BODY, c.get(key("a")).body());
    assertEquals("missing", c.get(key("b")).problem());
  }

  @Test
  void keysDependOnEveryPartAndItsBoundaries() {
    assertEquals(key("a"), key("a"));
    assertNotEquals(key("a"), key("b"));
    assertNotEquals(CacheKey.builder("exact").add("ab").add("c").build(),
        CacheKey.builder("exact").add("a").add("bc").build());
    assertNotEquals(CacheKey.builder("exact").add("a").build(), CacheKey.builder("float").add("a").build());
  }

  @Test
  void editedBodyIsDetected() throws IOException {
    ResultCache c = ResultCache.at(dir);
    c.put(key("a"), BODY);
    Path f = c.file(key("a"));
    byte[] bytes = Files.readAllBytes(f);
    bytes[bytes.length - 1] ^= 1;
    Files.write(f, bytes);
    assertEquals("corrupt (checksum mismatch)", c.get(key("a")).problem());
    assertTrue(c.put(key("a"), BODY), "a recomputed result replaces the bad entry");
    assertArrayEquals(BODY, c.get(key("a")).body());
  }

  @Test
  void truncatedEntryIsDetected() throws IOException {
    ResultCache c = ResultCache.at(dir);
    c.put(key("a"), BODY);
    Path f = c.file(key("a"));
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertTrue(c.get(key("a")).problem().startsWith("corrupt (" + (BODY.length - 3) + " bytes"),
        c.get(key("a")).problem());
    Files.write(f, java.util.Arrays.copyOf(bytes, 10));
    assertEquals("corrupt (no header line)", c.get(key("a")).problem());
  }

  @Test
  void entryUnderAnotherKeysNameIsMismatched() throws IOException {
    ResultCache c = ResultCache.at(dir);
    c.put(key("a"), BODY);
    Files.copy(c.file(key("a")), c.file(key("b")));
    assertEquals("mismatched (the entry is for another key)", c.get(key("b")).problem());
  }

  @Test
  void entryOfAnotherFormatVersionIsStale() throws IOException {
    ResultCache c = ResultCache.at(dir);
    c.put(key("a"), BODY);
    Path f = c.file(key("a"));
    String text = Files.readString(f, StandardCharsets.ISO_8859_1);
    Files.writeString(f, text.replaceFirst("^axdse-cache " + ResultCache.FORMAT_VERSION + " ", "axdse-cache 0 "),
        StandardCharsets.ISO_8859_1);
    assertTrue(c.get(key("a")).problem().startsWith("stale"), c.get(key("a")).problem());
  }

  @Test
  void offStoresNothing() {
    ResultCache c = ResultCache.off();
    assertFalse(c.enabled());
    assertFalse(c.put(key("a"), BODY));
    assertEquals("off", c.get(key("a")).problem());
  }

  @Test
  void environmentChoosesTheDirectory() {
    assertEquals(Path.of("/x/y").toAbsolutePath(),
        ResultCache.fromEnvironment(Map.of("AXDSE_CACHE", "/x/y"), "/home/u").directory());
    assertFalse(ResultCache.fromEnvironment(Map.of("AXDSE_CACHE", "off"), "/home/u").enabled());
    assertFalse(ResultCache.fromEnvironment(Map.of("AXDSE_CACHE", ""), "/home/u").enabled());
    assertEquals(Path.of("/xdg/axdse"),
        ResultCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/u").directory());
    assertEquals(Path.of("/home/u/.cache/axdse"), ResultCache.fromEnvironment(Map.of(), "/home/u").directory());
    assertFalse(ResultCache.fromEnvironment(Map.of("AXDSE_CACHE", "/x\u0000y"), "/home/u").enabled(),
        "a name no file system accepts turns caching off");
  }

  @Test
  void unwritableCacheIsSkipped() throws IOException {
    Path file = dir.resolve("not-a-directory");
    Files.writeString(file, "x");
    ResultCache c = ResultCache.at(file);
    assertFalse(c.put(key("a"), BODY));
    assertFalse(c.get(key("a")).hit());
  }
}
