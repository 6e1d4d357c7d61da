/**
 * Trainable network layers that know both their DJL block and their ONNX export (BatchNorm folded), so training
 * and export cannot disagree on the architecture. Shapes are per sample; every network reads {@code [1, 28, 28]}
 * images and outputs class logits. Convolution and dense blocks are wrapped in
 * {@link org.axdse.explorer.training.net.Approximated}, which is the identity until retraining substitutes the
 * simulator's outputs.
 */
package org.axdse.explorer.training.net;
