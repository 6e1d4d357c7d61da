/**
 * Checkpoints of a running search: the {@link org.axdse.explorer.checkpoint.Checkpoint} written atomically with a
 * SHA-256 checksum after every generation, and the append-only {@link
 * org.axdse.explorer.checkpoint.EvaluationLog} that persists the evaluation cache record by record. A corrupt
 * checkpoint or log is reported in one line and never overwritten; a kill at any moment loses at most the
 * generation in progress.
 */
package org.axdse.explorer.checkpoint;
