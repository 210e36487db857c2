package org.equityadvisor.server.web;

import java.util.List;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Problem;

/** What the templates show, shaped for them: public, so the template language can read them. */
public final class Views {

    private Views() {
    }

    /** A district on the home page: what it has so far and the next thing to do, with where to do it. */
    public record DistrictRow(String id, String name, int answered, int indicators, int measures, int findings, String topGoal, String planId,
            String planTitle, Integer planGoals, Boolean planPassed, String next, String nextLink, String problem) {
    }

    /** One area of the self-assessment with its indicators. */
    public record Area(String key, List<Item> items) {
    }

    /** One indicator with the district's answer, if any. */
    public record Item(Indicator indicator, int level, String note) {
    }

    /** A chart of one metric: the district and each group against the threshold, as SVG and as a table. */
    public record Chart(Metric metric, String svg, List<Measure> rows, Double threshold, boolean higherIsWorse) {
    }

    /** A field's error on the page, in the words the CLI uses for it. */
    public record FieldError(String field, String message) {
        static FieldError of(Problem p) {
            return new FieldError(p.place(), p.message());
        }
    }
}
