/**
 * The in-memory-computing target of {@code axdse search --target imc}: a {@link
 * org.axdse.explorer.backend.ProblemFactory} whose search space offers, per convolution and dense layer, a
 * generated list of named IMC configurations {@code pP-sS-aA} (the gene picks one), evaluated bit-exactly by the
 * simulator's {@code imc} dataflow, with energy and latency from its cost model relative to full-precision IMC.
 * Screening images come from the train split, final-fidelity images from the test split.
 */
package org.axdse.explorer.imc;
