package org.axdse.results.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A set of mutually non-dominated elements that grows by incremental insertion: an element dominated by a member
 * is rejected, and an accepted element evicts every member it dominates. Elements with equal objective vectors
 * are all kept (none dominates the other). Not thread-safe.
 *
 * @param <T> the element type; its objective vector (minimisation form) comes from the function given
 */
public final class ParetoArchive<T> {
  private final Function<? super T, double[]> objectives;
  private final List<T> elements = new ArrayList<>();
  private final List<double[]> vectors = new ArrayList<>();

  private ParetoArchive(Function<? super T, double[]> objectives) {
    this.objectives = objectives;
  }

  /** An empty archive; {@code objectives} maps an element to its vector in minimisation form. */
  public static <T> ParetoArchive<T> of(Function<? super T, double[]> objectives) {
    return new ParetoArchive<>(objectives);
  }

  /** Inserts {@code element}; returns true when it entered the archive. */
  public boolean add(T element) {
    double[] v = objectives.apply(element).clone();
    for (double[] member : vectors) {
      if (Dominance.dominates(member, v)) {
        return false;
      }
    }
    for (int i = vectors.size() - 1; i >= 0; i--) {
      if (Dominance.dominates(v, vectors.get(i))) {
        vectors.remove(i);
        elements.remove(i);
      }
    }
    vectors.add(v);
    elements.add(element);
    return true;
  }

  /** Inserts each element in order; returns how many were accepted at the time of their insertion. */
  public int addAll(Iterable<? extends T> items) {
    int accepted = 0;
    for (T t : items) {
      if (add(t)) {
        accepted++;
      }
    }
    return accepted;
  }

  /** The current members in insertion order (an immutable snapshot). */
  public List<T> elements() {
    return List.copyOf(elements);
  }

  public int size() {
    return elements.size();
  }
}
