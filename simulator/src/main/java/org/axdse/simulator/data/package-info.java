/**
 * Labelled image datasets read from IDX (MNIST, Fashion-MNIST), CIFAR-10 binary and numpy {@code .npy} files.
 * A {@link org.axdse.simulator.data.Dataset} is immutable: 8-bit pixels in CHW order per image and labels in
 * {@code [0, classCount)}. Every loader checks claimed sizes against the real file before it allocates, and
 * reports a malformed file as one {@link org.axdse.multipliers.util.BadInputException} line.
 */
package org.axdse.simulator.data;
