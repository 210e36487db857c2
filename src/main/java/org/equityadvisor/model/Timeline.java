package org.equityadvisor.model;

/** When a step happens, in months from the plan's start. */
public record Timeline(int startMonth, int months) {
}
