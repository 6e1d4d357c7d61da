/**
 * Training of the baseline classifiers with DJL's PyTorch engine (built only with the Maven profile
 * {@code training}): the architectures, a seeded training session, the files a trained model ships as, and
 * approximation-aware fine-tuning of those networks ({@link org.axdse.explorer.training.SteTraining}); retraining of
 * any imported model, the simulator's {@code Retrainer}, is in {@code graph}. Everything random derives from one seed.
 */
package org.axdse.explorer.training;
