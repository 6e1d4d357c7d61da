/**
 * Trainable network layers that know both their DJL block and their ONNX export (BatchNorm folded), so training
 * and export cannot disagree on the architecture. Shapes are per sample; every network reads {@code [1, 28, 28]}
 * images and outputs class logits.
 */
package org.axdse.explorer.training.net;
