/**
 * The evaluation cluster on embedded Hazelcast members: {@link org.axdse.explorer.cluster.Worker}s evaluate
 * genomes that a {@link org.axdse.explorer.cluster.Coordinator} (the search process) sends. Every member
 * exchanges one fixed task class whose body is tagged with the shared secret and decoded only after the tag
 * checks out, so a member without the secret can neither make a worker run anything nor forge a result.
 * Invariant: the first valid result of each candidate is kept and results come back in batch order, so a
 * cluster run gives the byte-identical front of a local run with the same seed.
 */
package org.axdse.explorer.cluster;
