package org.equityadvisor.server.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.equityadvisor.imports.AssessmentWriter;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.springframework.web.util.HtmlUtils;

/**
 * Charts as SVG drawn on the server: no script, no colour needed to read them (grey bars, the ones past the
 * threshold black and marked with a triangle, the threshold a dashed line with its value), a title and a
 * description for screen readers, and the same figures in a table beside each chart.
 */
final class Charts {

    private static final int WIDTH = 640;
    private static final int LABEL = 210;
    private static final int ROW = 28;

    private Charts() {
    }

    /** Bars of the district and each group for one metric, against the metric's threshold. */
    static String metric(Metric metric, String title, List<Measure> rows, List<String> names, Double threshold, String thresholdWord, String pastWord) {
        double max = threshold == null ? 0 : threshold;
        for (Measure m : rows) {
            max = Math.max(max, m.value());
        }
        max = max <= 0 ? 1 : max * 1.1;
        int height = 30 + ROW * rows.size() + 24;
        int plot = WIDTH - LABEL - 70;
        StringBuilder svg = new StringBuilder();
        String id = "chart-" + metric.id();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">");
        svg.append("<title id=\"").append(id).append("-t\">").append(esc(title)).append("</title>");
        StringBuilder desc = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Measure m = rows.get(i);
            boolean past = threshold != null && metric.flags(m.value());
            desc.append(names.get(i)).append(": ").append(value(m.value(), metric)).append(past ? " (" + pastWord + ")" : "").append(". ");
        }
        if (threshold != null) {
            desc.append(thresholdWord).append(": ").append(value(threshold, metric)).append('.');
        }
        svg.append("<desc id=\"").append(id).append("-d\">").append(esc(desc.toString())).append("</desc>");
        for (int i = 0; i < rows.size(); i++) {
            Measure m = rows.get(i);
            int y = 20 + i * ROW;
            double w = plot * m.value() / max;
            boolean past = threshold != null && metric.flags(m.value());
            svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">")
                    .append(esc(shorten(names.get(i), 30))).append("</text>");
            svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", Math.max(w, 1)))
                    .append("\" height=\"18\" fill=\"").append(past ? "#1a1a1a" : "#8c8c8c").append("\"/>");
            svg.append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", LABEL + Math.max(w, 1) + 6)).append("\" y=\"").append(y + 17)
                    .append("\" font-size=\"13\" fill=\"#1a1a1a\">").append(esc(value(m.value(), metric))).append(past ? " \u25B2" : "").append("</text>");
        }
        if (threshold != null) {
            double x = LABEL + plot * threshold / max;
            String xs = String.format(Locale.ROOT, "%.1f", x);
            svg.append("<line x1=\"").append(xs).append("\" x2=\"").append(xs).append("\" y1=\"14\" y2=\"").append(height - 20)
                    .append("\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            svg.append("<text x=\"").append(xs).append("\" y=\"").append(height - 6).append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">")
                    .append(esc(thresholdWord + " " + value(threshold, metric))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The plan's steps as bars on a calendar, one row per step, from its start to its due date. */
    static String timeline(Plan plan, String title, String undated) {
        List<ActionStep> steps = plan.goals().stream().flatMap(g -> g.steps().stream()).filter(s -> s.start() != null && s.due() != null).toList();
        if (steps.isEmpty()) {
            return "";
        }
        LocalDate from = steps.stream().map(ActionStep::start).min(LocalDate::compareTo).orElseThrow().withDayOfMonth(1);
        LocalDate to = steps.stream().map(ActionStep::due).max(LocalDate::compareTo).orElseThrow();
        long days = Math.max(ChronoUnit.DAYS.between(from, to), 30);
        int label = 280;
        int plot = 900 - label - 20;
        int rows = 0;
        for (PlanGoal g : plan.goals()) {
            rows += 1 + (int) g.steps().stream().filter(s -> s.start() != null && s.due() != null).count();
        }
        int height = 40 + rows * 22;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 900 " + height
                + "\" aria-labelledby=\"timeline-t\"><title id=\"timeline-t\">" + esc(title) + "</title>");
        for (LocalDate m = from; !m.isAfter(to); m = m.plusMonths(6)) {
            double x = label + plot * ChronoUnit.DAYS.between(from, m) / (double) days;
            String xs = String.format(Locale.ROOT, "%.1f", x);
            svg.append("<line x1=\"").append(xs).append("\" x2=\"").append(xs).append("\" y1=\"20\" y2=\"").append(height)
                    .append("\" stroke=\"#bdbdbd\" stroke-width=\"1\"/><text x=\"").append(xs).append("\" y=\"14\" font-size=\"11\" fill=\"#1a1a1a\">")
                    .append(m.getYear()).append('-').append(String.format("%02d", m.getMonthValue())).append("</text>");
        }
        int y = 26;
        for (PlanGoal g : plan.goals()) {
            svg.append("<text x=\"4\" y=\"").append(y + 14).append("\" font-size=\"12\" font-weight=\"bold\" fill=\"#1a1a1a\">")
                    .append(esc(shorten(g.statement(), 44))).append("</text>");
            y += 22;
            for (ActionStep s : g.steps()) {
                if (s.start() == null || s.due() == null) {
                    continue;
                }
                double x = label + plot * ChronoUnit.DAYS.between(from, s.start()) / (double) days;
                double w = Math.max(plot * ChronoUnit.DAYS.between(s.start(), s.due()) / (double) days, 3);
                svg.append("<text x=\"12\" y=\"").append(y + 14).append("\" font-size=\"11\" fill=\"#1a1a1a\">").append(esc(shorten(s.description(), 46)))
                        .append("</text><rect x=\"").append(String.format(Locale.ROOT, "%.1f", x)).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(String.format(Locale.ROOT, "%.1f", w)).append("\" height=\"14\" fill=\"")
                        .append(ActionStep.DONE.equals(s.status()) ? "#1a1a1a" : "#7a7a7a").append("\"/>");
                y += 22;
            }
        }
        return svg.append("</svg>").toString();
    }

    static String value(double v, Metric metric) {
        String n = AssessmentWriter.number(Math.round(v * 10) / 10.0);
        return metric.percent() ? n + "%" : n + " " + metric.unit();
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
