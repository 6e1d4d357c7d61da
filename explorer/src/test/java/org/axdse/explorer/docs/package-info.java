/**
 * Checks on the user documentation: every relative link in {@code README.md} and {@code docs/*.md} points at a file
 * that exists, and every {@code #anchor} matches a heading of its target, with the heading slug computed as GitHub
 * computes it.
 */
package org.axdse.explorer.docs;
