/**
 * Quality indicators of an approximation front: exact hypervolume (2-D sweep, WFG for three or more objectives)
 * and IGD+. Indicators take plain {@code double[][]} fronts in minimisation form, already normalised, so they are
 * free of search and run types; {@code org.axdse.results.run.Normalization} holds the project's
 * convention for turning run points into such fronts.
 */
package org.axdse.results.indicators;
