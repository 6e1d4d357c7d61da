/**
 * The multi-objective search: NSGA-II on Jenetics driven one generation at a time, the Pareto archive, the
 * memoised evaluation cache, the baselines (uniform, random, greedy) and the {@link
 * org.axdse.explorer.search.SearchRunner} that ties them to a run directory, checkpoints and budgets. Invariant:
 * the same settings and engine inputs give a byte-identical front, however many threads evaluate and however
 * often the run is interrupted and resumed.
 */
package org.axdse.explorer.search;
