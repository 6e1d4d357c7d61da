/**
 * The network graph IR and its float32 reference executor. A {@link org.axdse.simulator.model.Model} is an
 * immutable, shape-inferred list of {@link org.axdse.simulator.model.Layer}s in execution order; every tensor is
 * batch-first and its {@link org.axdse.simulator.model.Shape} leaves the (dynamic) batch dimension out. The
 * approximable layers (convolution, dense, LSTM, GRU) carry the multiplications that approximate multipliers may
 * replace; their position in {@link org.axdse.simulator.model.Model#approximableLayers()} is the stable index
 * assignments refer to.
 */
package org.axdse.simulator.model;
