package org.equityadvisor.model;

/** The guide's organising question: WHO needs WHAT to learn HOW. */
public enum Dimension {
    WHO, WHAT, HOW
}
