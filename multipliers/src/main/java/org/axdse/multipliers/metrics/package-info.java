/**
 * Error metrics of a multiplier's product table against the exact product: bias, MAE, MSE, worst-case and
 * relative errors, error probability and normalised forms, over all operand pairs, uniformly or weighted by an
 * operand distribution. Values are immutable records; relative errors exclude pairs whose exact product is 0.
 * Float multipliers are measured on their products' real values.
 */
package org.axdse.multipliers.metrics;
