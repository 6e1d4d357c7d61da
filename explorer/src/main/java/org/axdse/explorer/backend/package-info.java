/**
 * Where candidates are evaluated: the engine's narrow interface ({@link
 * org.axdse.explorer.backend.CandidateEvaluator}: an assignment and a fidelity in, accuracy and energies out),
 * the {@link org.axdse.explorer.backend.ProblemFactory} that loads a problem, and {@link
 * org.axdse.explorer.backend.EvaluationBackend}s that run batches of candidates (a local thread pool, or the
 * cluster of {@code org.axdse.explorer.cluster}). Evaluators are pure, so a batch may complete in any order
 * without changing the search.
 */
package org.axdse.explorer.backend;
