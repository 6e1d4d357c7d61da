/**
 * Test fixture for {@code ArchitectureTest}: a class placed in a results package on purpose, importing the
 * simulator, so the test can show that the module rules catch such an import. Never part of the main build.
 */
package org.axdse.results.archfixture;
