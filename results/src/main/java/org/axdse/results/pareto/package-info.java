/**
 * Pareto dominance over plain objective vectors: directions, dominance, fast non-dominated sorting, crowding
 * distance and an incremental Pareto archive. Everything here works on {@code double[]} vectors and knows nothing
 * of runs, genomes or multipliers; algorithms internally compare in minimisation form, and {@link
 * org.axdse.results.pareto.Direction} converts a maximised objective by negation.
 */
package org.axdse.results.pareto;
