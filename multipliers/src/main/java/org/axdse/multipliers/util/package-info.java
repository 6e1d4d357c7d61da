/**
 * Infrastructure shared by every module: the one-line user error type, atomic file writes, the one-writer lock
 * of an output directory, output-path checks and size bounds of flags. Nothing here
 * knows about multipliers or networks.
 */
package org.axdse.multipliers.util;
