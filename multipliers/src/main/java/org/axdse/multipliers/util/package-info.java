/**
 * Infrastructure shared by every module: the one-line user error type and atomic file writes. Nothing here
 * knows about multipliers or networks.
 */
package org.axdse.multipliers.util;
