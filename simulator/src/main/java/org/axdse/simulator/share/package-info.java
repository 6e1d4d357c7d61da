/**
 * Weight sharing: the float weights of a layer, of each output channel or of each 2-D kernel are clustered into
 * k shared values by an exact, deterministic 1-D k-means ({@link org.axdse.simulator.share.KMeans1D}), and the
 * model is rebuilt with every weight replaced by its cluster's value. The shared model is an ordinary
 * {@link org.axdse.simulator.model.Model}: it is quantized, run and exported like any other, so approximate
 * multipliers compose with sharing. Results do not depend on the thread count.
 * {@link org.axdse.simulator.share.SharingMemory} counts the weight memory (indices plus codebooks).
 */
package org.axdse.simulator.share;
