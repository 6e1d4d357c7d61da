package org.axdse.simulator.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The images a run, pick and evaluate --config share: held-out, subset and limit, checked by image labels. */
class ImageSelectionTest {
  /** 100 one-pixel images whose label is their index, so a selection can be read back from the labels. */
  private static Dataset numbered() {
    int n = 100;
    byte[] px = new byte[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i;
    }
    return Dataset.of("numbered", "test", 1, 1, 1, px, labels, Dataset.numberedClasses(n));
  }

  private static Set<Integer> labels(Dataset d) {
    Set<Integer> s = new HashSet<>();
    for (int i = 0; i < d.size(); i++) {
      s.add(d.label(i));
    }
    return s;
  }

  @Test
  void heldOutAndRemainingPartitionTheSplit() {
    Dataset d = numbered();
    Set<Integer> held = labels(ImageSelection.heldOut(d, 30));
    Set<Integer> rest = labels(ImageSelection.remaining(d, 30));
    assertEquals(30, held.size());
    assertEquals(70, rest.size());
    held.retainAll(rest);
    assertTrue(held.isEmpty(), "no image is both calibrated on and evaluated");
    assertEquals(labels(d), labels(ImageSelection.remaining(d, 0)));
  }

  @Test
  void subsetIsSeededAndDrawnFromTheRemainingImages() {
    Dataset d = numbered();
    Dataset a = new ImageSelection(30, 20, 0).select(d);
    assertEquals(20, a.size());
    assertEquals(labels(a), labels(new ImageSelection(30, 20, 0).select(d)), "same selection, same images");
    Set<Integer> held = labels(ImageSelection.heldOut(d, 30));
    assertTrue(labels(a).stream().noneMatch(held::contains));
    // not the first 20: the subset is drawn at random (the CIFAR test file is sorted by label)
    assertTrue(labels(a).stream().anyMatch(i -> i >= 50));
    Dataset limited = new ImageSelection(30, 20, 5).select(d);
    assertEquals(5, limited.size());
    assertTrue(labels(a).containsAll(labels(limited)));
    assertEquals(70, new ImageSelection(30, 500, 0).select(d).size(), "a subset larger than the set is all of it");
  }

  @Test
  void impossibleSelectionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ImageSelection.heldOut(numbered(), 100));
    assertThrows(IllegalArgumentException.class, () -> new ImageSelection(-1, 0, 0));
  }
}
