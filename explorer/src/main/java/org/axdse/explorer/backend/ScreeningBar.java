package org.axdse.explorer.backend;

/**
 * What a screening evaluation may stop early against (issue 17, "stop early on hopeless candidates"): the least
 * screening accuracy with which a candidate of genome {@code genome} and costs {@code costs} (its energies and
 * memory; the accuracy of {@code costs} is a placeholder) could still enter the search's archive, that is be
 * feasible and not dominated by an archive point. The search builds one per generation from the archive as it
 * was before the generation, so the bar does not depend on the order in which evaluations complete; an archive
 * only gets better, so a candidate below today's bar stays out of every later archive.
 */
@FunctionalInterface
public interface ScreeningBar {
  double required(int[] genome, CandidateResult costs);
}
