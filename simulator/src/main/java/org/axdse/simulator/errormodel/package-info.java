/**
 * The statistical error model of approximate multipliers inside a layer's multiply-accumulates: from the
 * activation-code distribution each weight position sees at calibration and the product table, the mean and
 * variance of every output channel's accumulator error, analytically and without running the network (the
 * ProxSim model, De la Parra et al., "ProxSim: GPU-based Simulation Framework for Cross-Layer Approximate DNN
 * Optimization", DATE 2020). Per output channel, so per-channel assignments are the natural case; cached per
 * (layer, multiplier, weight remap) so a whole assignment is a cheap query. The covariance between a channel's
 * terms comes from the sampled covariance of two features of their activations; convolution and dense layers
 * only. {@link org.axdse.simulator.errormodel.PositionErrors} gives the error per weight position conditional on a
 * zero-point activation, for retraining's model emulation.
 */
package org.axdse.simulator.errormodel;
