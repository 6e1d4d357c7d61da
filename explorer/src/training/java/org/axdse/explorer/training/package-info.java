/**
 * Training of the baseline classifiers with DJL's PyTorch engine (built only with the Maven profile
 * {@code training}): the architectures, a seeded training session, the files a trained model ships as, and
 * approximation-aware fine-tuning ({@link org.axdse.explorer.training.SteTraining}, registered as the simulator's
 * {@code Retrainer}). Everything random derives from one seed.
 */
package org.axdse.explorer.training;
