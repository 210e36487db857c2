package org.equityadvisor.model;

/** The three digital divides of the National Educational Technology Plan 2024. */
public enum Divide {
    ACCESS, USE, DESIGN
}
