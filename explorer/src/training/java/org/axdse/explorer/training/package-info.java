/**
 * Training of the baseline classifiers with DJL's PyTorch engine (built only with the Maven profile
 * {@code training}): the architectures, a seeded training session, and the files a trained model ships as.
 * Everything random derives from one seed.
 */
package org.axdse.explorer.training;
