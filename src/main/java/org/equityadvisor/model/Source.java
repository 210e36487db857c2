package org.equityadvisor.model;

/** A document the rules cite. */
public record Source(String id, String title, String publisher, int year, String note) {

    /** "Title (Publisher, Year)", the way a suggestion cites it. */
    public String citation() {
        return title + " (" + publisher + ", " + year + ")";
    }
}
