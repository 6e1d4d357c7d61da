/**
 * Cartesian Genetic Programming (CGP) of approximate multipliers: a genome is a row of cells of the cost model's
 * cell set wired by address, seeded from a library netlist and evolved by a (1 + lambda) evolution strategy with
 * neutral drift (Miller, "Cartesian Genetic Programming", 2011; Vasicek and Sekanina, IEEE TEVC 2015; Mrazek et
 * al., DATE 2017). Fitness is the power of the decoded netlist under a layer's operand distribution, subject to a
 * bound on the distribution-weighted error. Everything is deterministic from a seed: the random stream of a
 * generation is derived from (seed, run, generation), never from threads or time.
 */
package org.axdse.multipliers.cgp;
