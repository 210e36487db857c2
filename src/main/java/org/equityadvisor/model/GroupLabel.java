package org.equityadvisor.model;

/**
 * How to name a group of students in a sentence. An id ending in {@code :*} names a family of groups
 * ({@code race:*} covers {@code race:Hispanic}); {@code {name}} in the label is the part after the colon.
 */
public record GroupLabel(String id, String label) {

    public boolean family() {
        return id.endsWith(":*");
    }

    public boolean matches(String group) {
        return family() ? group.startsWith(id.substring(0, id.length() - 1)) && group.length() > id.length() - 1 : id.equals(group);
    }

    public String name(String group) {
        return family() ? label.replace("{name}", group.substring(id.length() - 1)) : label;
    }
}
