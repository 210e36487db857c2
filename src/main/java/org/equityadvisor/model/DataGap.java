package org.equityadvisor.model;

/** Derived in the detect stage: a figure every plan needs is missing (the metric's id). */
public record DataGap(String metric) {

    public static DataGap missing(Metric metric) {
        return new DataGap(metric.id());
    }
}
