package org.axdse.simulator.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;

class DatasetSpecTest {
  @Test
  void parsesEveryForm() {
    assertEquals(new DatasetSpec(DatasetSpec.Kind.FASHION_MNIST_DEBIAN, List.of()), DatasetSpec.parse("fashion-mnist"));
    assertEquals(new DatasetSpec(DatasetSpec.Kind.FASHION_MNIST, List.of(Path.of("/d"))),
        DatasetSpec.parse("fashion-mnist:/d"));
    assertEquals(new DatasetSpec(DatasetSpec.Kind.MNIST, List.of(Path.of("m"))), DatasetSpec.parse("mnist:m"));
    assertEquals(new DatasetSpec(DatasetSpec.Kind.IDX, List.of(Path.of("a"), Path.of("b"))),
        DatasetSpec.parse("idx:a,b"));
    assertEquals(new DatasetSpec(DatasetSpec.Kind.CIFAR10, List.of(Path.of("c"))), DatasetSpec.parse("cifar10:c"));
    assertEquals(new DatasetSpec(DatasetSpec.Kind.NPY, List.of(Path.of("x.npy"), Path.of("y.npy"))),
        DatasetSpec.parse("npy:x.npy,y.npy"));
  }

  @Test
  void toStringRoundTrips() {
    for (String s : List.of("fashion-mnist", "fashion-mnist:/d", "mnist:m", "idx:a,b", "cifar10:c",
        "npy:x.npy,y.npy")) {
      assertEquals(s, DatasetSpec.parse(s).toString());
    }
  }

  @Test
  void malformedSpecsGetOneLineErrors() {
    assertMessage("", "empty");
    assertMessage("imagenet:/x", "unknown dataset kind 'imagenet'");
    assertMessage("mnist", "missing path, expected mnist:DIR");
    assertMessage("cifar10:", "missing path");
    assertMessage("idx:a", "expected idx:IMAGES,LABELS");
    assertMessage("npy:a,b,c", "got 3 path(s)");
    assertMessage("npy:a,", "empty path");
  }

  @Test
  void missingDirectoryIsNamed() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> DatasetSpec.parse("mnist:/nonexistent/mnist").load(Split.TEST));
    assertTrue(e.getMessage().startsWith("/nonexistent/mnist: no such directory"), e.getMessage());
  }

  private static void assertMessage(String spec, String part) {
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetSpec.parse(spec));
    assertTrue(e.getMessage().contains(part), e.getMessage());
    assertTrue(e.getMessage().contains("dataset spec"), e.getMessage());
  }
}
