package org.equityadvisor.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.OutcomeProgress;

/**
 * An outcome's trend: the figures recorded (solid line and dots), the straight line from baseline to target
 * that the status is judged against (dashed), and the target (dotted). Laid out once as shapes, then drawn
 * as SVG (web pages) or PNG (Word and PDF), so both pictures say the same.
 */
final class TrendChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 46;
    private static final String ACTUAL = "#1f4e9c";
    private static final String PATH = "#6b6b6b";
    private static final String TARGET = "#1a7f37";

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TrendChart() {
    }

    sealed interface Shape permits Segment, Dot, Label {
    }

    /** A line; {@code dash} 0 solid, 1 dashed, 2 dotted. */
    record Segment(double x1, double y1, double x2, double y2, String colour, int dash) implements Shape {
    }

    record Dot(double x, double y, String colour) implements Shape {
    }

    /** Text; {@code anchor} start, middle or end. */
    record Label(double x, double y, String text, String anchor, String colour, boolean bold) implements Shape {
    }

    static List<Shape> layout(OutcomeProgress p) {
        List<Shape> shapes = new ArrayList<>();
        var o = p.outcome();
        LocalDate from = p.baselineDate();
        LocalDate to = o.targetDate() != null ? o.targetDate() : from.plusYears(1);
        for (Actual a : o.actuals()) {
            if (a.date().isAfter(to)) {
                to = a.date();
            }
            if (a.date().isBefore(from)) {
                from = a.date();
            }
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        List<Double> values = new ArrayList<>();
        if (o.baseline() != null) {
            values.add(o.baseline());
        }
        if (o.target() != null) {
            values.add(o.target());
        }
        o.actuals().forEach(a -> values.add(a.value()));
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (values.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        double pad = Math.max((hi - lo) * 0.1, Math.abs(hi) * 0.05 + 0.5);
        lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
        hi = hi + pad;
        final double yLo = lo;
        final double ySpan = hi - lo;
        final LocalDate x0 = from;
        final double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        java.util.function.ToDoubleFunction<LocalDate> x = d -> LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(x0, d) / days;
        java.util.function.DoubleUnaryOperator y = v -> TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v - yLo) / ySpan);
        double bottom = HEIGHT - BOTTOM;
        shapes.add(new Label(LEFT, 20, p.id() + " \u2014 " + status(p), "start", "#000000", true));
        shapes.add(new Segment(LEFT, TOP, LEFT, bottom, "#000000", 0));
        shapes.add(new Segment(LEFT, bottom, WIDTH - RIGHT, bottom, "#000000", 0));
        for (double v : new double[] {yLo, yLo + ySpan / 2, yLo + ySpan}) {
            shapes.add(new Label(LEFT - 6, y.applyAsDouble(v) + 4, AdviceWriter.number(Math.round(v * 10) / 10.0), "end", "#000000", false));
        }
        shapes.add(new Label(LEFT, bottom + 18, from.toString(), "start", "#000000", false));
        shapes.add(new Label(WIDTH - RIGHT, bottom + 18, to.toString(), "end", "#000000", false));
        if (o.target() != null) {
            double ty = y.applyAsDouble(o.target());
            shapes.add(new Segment(LEFT, ty, WIDTH - RIGHT, ty, TARGET, 2));
            shapes.add(new Label(WIDTH - RIGHT, ty - 5, "target " + AdviceWriter.number(o.target()), "end", TARGET, false));
        }
        if (o.baseline() != null && o.target() != null && o.targetDate() != null) {
            shapes.add(new Segment(x.applyAsDouble(p.baselineDate()), y.applyAsDouble(o.baseline()), x.applyAsDouble(o.targetDate()),
                    y.applyAsDouble(o.target()), PATH, 1));
        }
        if (o.baseline() != null) {
            shapes.add(new Dot(x.applyAsDouble(p.baselineDate()), y.applyAsDouble(o.baseline()), PATH));
        }
        Actual previous = null;
        for (Actual a : o.actuals()) {
            if (previous != null) {
                shapes.add(new Segment(x.applyAsDouble(previous.date()), y.applyAsDouble(previous.value()), x.applyAsDouble(a.date()), y.applyAsDouble(a.value()), ACTUAL, 0));
            }
            previous = a;
        }
        for (Actual a : o.actuals()) {
            shapes.add(new Dot(x.applyAsDouble(a.date()), y.applyAsDouble(a.value()), ACTUAL));
        }
        if (previous != null) {
            shapes.add(new Label(x.applyAsDouble(previous.date()), y.applyAsDouble(previous.value()) - 8, AdviceWriter.number(previous.value()), "middle", ACTUAL, true));
        }
        double legend = bottom + 36;
        shapes.add(new Segment(LEFT, legend - 4, LEFT + 24, legend - 4, ACTUAL, 0));
        shapes.add(new Label(LEFT + 30, legend, "figures recorded", "start", "#000000", false));
        shapes.add(new Segment(LEFT + 170, legend - 4, LEFT + 194, legend - 4, PATH, 1));
        shapes.add(new Label(LEFT + 200, legend, "straight line from baseline to target", "start", "#000000", false));
        shapes.add(new Segment(LEFT + 470, legend - 4, LEFT + 494, legend - 4, TARGET, 2));
        shapes.add(new Label(LEFT + 500, legend, "target", "start", "#000000", false));
        return shapes;
    }

    static String status(OutcomeProgress p) {
        return switch (p.status()) {
            case ON_TRACK -> "on track";
            case BEHIND -> "behind";
            case ACHIEVED -> "achieved";
            case NO_DATA -> "no data";
        };
    }

    static String svg(OutcomeProgress p) {
        StringBuilder out = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" font-family=\"sans-serif\" font-size=\"12\">");
        out.append("<title>").append(esc(p.id() + ": " + status(p))).append("</title><desc>").append(esc(p.sentence())).append("</desc>");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        for (Shape s : layout(p)) {
            if (s instanceof Segment l) {
                out.append(String.format(java.util.Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                        l.x1(), l.y1(), l.x2(), l.y2(), l.colour(), l.dash() == 1 ? " stroke-dasharray=\"6 4\"" : l.dash() == 2 ? " stroke-dasharray=\"2 3\"" : ""));
            } else if (s instanceof Dot d) {
                out.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", d.x(), d.y(), d.colour()));
            } else if (s instanceof Label t) {
                out.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\"%s>%s</text>", t.x(), t.y(), t.anchor(),
                        t.colour(), t.bold() ? " font-weight=\"bold\"" : "", esc(t.text())));
            }
        }
        return out.append("</svg>").toString();
    }

    static byte[] png(OutcomeProgress p) {
        int scale = 2;
        BufferedImage image = new BufferedImage(WIDTH * scale, HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH * scale, HEIGHT * scale);
            g.scale(scale, scale);
            for (Shape s : layout(p)) {
                if (s instanceof Segment l) {
                    g.setColor(Color.decode(l.colour()));
                    g.setStroke(l.dash() == 0 ? new BasicStroke(2) : new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                            l.dash() == 1 ? new float[] {6, 4} : new float[] {2, 3}, 0));
                    g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
                } else if (s instanceof Dot d) {
                    g.setColor(Color.decode(d.colour()));
                    g.fill(new Ellipse2D.Double(d.x() - 4, d.y() - 4, 8, 8));
                } else if (s instanceof Label t) {
                    g.setColor(Color.decode(t.colour()));
                    g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, 12));
                    int w = g.getFontMetrics().stringWidth(t.text());
                    double x = "end".equals(t.anchor()) ? t.x() - w : "middle".equals(t.anchor()) ? t.x() - w / 2.0 : t.x();
                    g.drawString(t.text(), (float) x, (float) t.y());
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory", e);
        }
        return out.toByteArray();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
