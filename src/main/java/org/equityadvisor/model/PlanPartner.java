package org.equityadvisor.model;

/** A partner of a plan goal and what it brings. {@code id} is the catalog's partner type, or the leader's own. */
public record PlanPartner(String id, String name, String role) {
}
