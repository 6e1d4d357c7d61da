/**
 * Trainable DJL graphs built from the simulator's own imported {@link org.axdse.simulator.model.Model}, so any ONNX
 * network the importer reads (not only those of {@code axdse train}) can be fine-tuned: {@link GraphNet} holds one
 * trainable array per weight of the model and computes every layer kind with differentiable NDArray operations;
 * {@link GraphNet#toModel()} gives the model back with the current weights, the same layer names, for the
 * simulator and the ONNX exporter. {@link GraphRetraining} runs approximation-aware retraining on it (the
 * simulator's outputs substituted with a straight-through estimator), with a seeded schedule, checkpoints per epoch
 * and resume; with {@code --emulation model}, {@link ModelEmulation} replaces the simulator by fake quantization and
 * the error model's noise.
 */
package org.axdse.explorer.training.graph;
