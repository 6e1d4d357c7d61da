/**
 * The on-disk run directory and its records: the run configuration, every evaluated point, the front, the
 * generation history, baselines and timings, as JSON (Jackson) and CSV (Commons CSV). Every write is atomic (a
 * temporary file renamed into place) and every read of a missing or malformed file fails with one {@link
 * org.axdse.multipliers.util.BadInputException} line naming the file. Accuracies are fractions in [0, 1] and
 * energies and areas are relative to the exact multiplier (exact = 1); NaN means "not evaluated".
 */
package org.axdse.results.run;
