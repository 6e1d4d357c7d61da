/**
 * Deployment configurations ({@code deploy.json}): one chosen multiplier assignment with the model's hash, the
 * recorded quantization parameters and the expected and verified figures. A deploy file is self-describing (its
 * {@code format} field) and replays bit-identically: the quantization is rebuilt from the recorded parameters,
 * never re-calibrated, and a changed model file is refused.
 */
package org.axdse.simulator.deploy;
