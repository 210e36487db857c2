package org.equityadvisor.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the plan's timeline as a Gantt-style PNG: one row per action step, a bar from its start to its due
 * date, coloured by divide, months along the top. The Word and PDF exports embed the same picture.
 */
final class TimelineChart {

    static final int WIDTH = 1400;
    private static final int LABEL = 560;
    private static final int ROW = 26;
    private static final int TOP = 40;
    private static final Map<String, Color> COLOURS = Map.of(
            "ACCESS", new Color(0x1f77b4), "USE", new Color(0x2ca02c), "DESIGN", new Color(0xd62728));
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

    private TimelineChart() {
    }

    static {
        // Drawn off screen, on servers too: never look for a display.
        System.setProperty("java.awt.headless", "true");
    }

    static byte[] png(PlanDocument.Timeline timeline) {
        int rows = Math.max(1, timeline.bars().size());
        int height = TOP + rows * ROW + 10;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            FontMetrics fm = metrics(g);
            LocalDate from = timeline.from().withDayOfMonth(1);
            LocalDate to = YearMonth.from(timeline.to()).atEndOfMonth().plusDays(1);
            double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
            double scale = (WIDTH - LABEL - 20) / days;
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to));
            int every = months > 24 ? 3 : months > 12 ? 2 : 1;
            for (int m = 0; m <= months; m++) {
                LocalDate month = from.plusMonths(m);
                int x = LABEL + (int) Math.round(ChronoUnit.DAYS.between(from, month) * scale);
                g.setColor(new Color(0xdddddd));
                g.setStroke(new BasicStroke(1));
                g.drawLine(x, TOP - 8, x, height - 10);
                if (fm != null && m % every == 0 && m < months) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(MONTH.format(month), x + 3, TOP - 14);
                }
            }
            if (fm != null && timeline.bars().isEmpty()) {
                g.setColor(Color.DARK_GRAY);
                g.drawString("No dated action steps yet.", 10, TOP + 18);
            }
            for (int i = 0; i < timeline.bars().size(); i++) {
                PlanDocument.Bar bar = timeline.bars().get(i);
                int y = TOP + i * ROW;
                if (fm != null) {
                    g.setColor(Color.BLACK);
                    g.drawString(fit(bar.goal() + ": " + bar.label(), fm, LABEL - 16), 8, y + 18);
                }
                int x0 = LABEL + (int) Math.round(ChronoUnit.DAYS.between(from, bar.start()) * scale);
                int x1 = LABEL + (int) Math.round((ChronoUnit.DAYS.between(from, bar.end()) + 1) * scale);
                g.setColor(COLOURS.getOrDefault(bar.divide(), Color.GRAY));
                g.fillRoundRect(x0, y + 5, Math.max(4, x1 - x0), ROW - 10, 6, 6);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the timeline picture", e);
        }
        return out.toByteArray();
    }

    /**
     * The font's metrics, or null on a machine with no fonts at all (a bare server image): the bars are then
     * drawn without labels, and the document's tables still name every step.
     */
    private static FontMetrics metrics(Graphics2D g) {
        try {
            FontMetrics fm = g.getFontMetrics();
            fm.stringWidth("Jan 27");
            return fm;
        } catch (RuntimeException | Error e) {
            return null;
        }
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "\u2026") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip() + "\u2026";
    }
}
