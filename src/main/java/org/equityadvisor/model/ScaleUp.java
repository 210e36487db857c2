package org.equityadvisor.model;

/**
 * Inserted by a refine rule: the district already runs this action, yet the figure it should move is still
 * past its threshold, so the advice is to scale it up rather than to drop it.
 */
public record ScaleUp(String action) {
}
