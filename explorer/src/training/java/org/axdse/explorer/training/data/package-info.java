/**
 * A minimal Fashion-MNIST IDX reader for training. It stands in until the simulator's data package (the project's
 * IDX loader) lands; the training code uses only {@link org.axdse.explorer.training.data.LabeledImages}.
 */
package org.axdse.explorer.training.data;
