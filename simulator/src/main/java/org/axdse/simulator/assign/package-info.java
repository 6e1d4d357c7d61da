/**
 * Assignments of multipliers to approximable layers or to their output channels, by name. Layers not named stay
 * exact. The types here are plain values shared by the simulator, the explorer and deployment configs; name
 * resolution against a model and a library happens in the simulator.
 */
package org.axdse.simulator.assign;
