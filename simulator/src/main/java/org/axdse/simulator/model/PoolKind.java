package org.axdse.simulator.model;

/** The reduction a {@link PoolLayer} applies over each window. */
public enum PoolKind {
  MAX,
  AVERAGE
}
