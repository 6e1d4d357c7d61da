/**
 * Data-aware weight precision (issue 13): the second moments of each layer's inputs over calibration images
 * ({@link org.axdse.simulator.precision.InputMoments}), error-feedback rounding of narrow weights under them
 * ({@link org.axdse.simulator.precision.Gptq}, GPTQ/OBQ) and least-squares refits of shared-weight codebooks
 * ({@link org.axdse.simulator.precision.CodebookRefit}). Everything here is deterministic and single-threaded per
 * layer, so results do not depend on the thread count.
 */
package org.axdse.simulator.precision;
