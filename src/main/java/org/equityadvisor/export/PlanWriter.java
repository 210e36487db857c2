package org.equityadvisor.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.plan.PlanFile;

/**
 * Exports a plan as Markdown, JSON, Word or PDF. Markdown, Word and PDF are rendered from the same
 * {@link PlanDocument}, so they say the same; JSON is the plan file itself, which reads back into an equal plan.
 */
public final class PlanWriter {

    public enum Format {
        MD, JSON, DOCX, PDF;

        public static Format parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "md", "markdown" -> MD;
                case "json" -> JSON;
                case "docx", "word" -> DOCX;
                case "pdf" -> PDF;
                default -> throw new IllegalArgumentException("'" + text + "' is not one of md, json, docx, pdf");
            };
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String mediaType() {
            return switch (this) {
                case MD -> "text/markdown; charset=UTF-8";
                case JSON -> "application/json";
                case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case PDF -> "application/pdf";
            };
        }
    }

    /** The PDF's paper: US Letter by default (the districts are American), A4 for those who print on it. */
    public enum PageSize {
        LETTER("letter"), A4("A4");

        private final String css;

        PageSize(String css) {
            this.css = css;
        }

        public static PageSize parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "letter" -> LETTER;
                case "a4" -> A4;
                default -> throw new IllegalArgumentException("'" + text + "' is not one of letter, a4");
            };
        }
    }

    /** A Unicode font for the PDF when the machine has one; else the PDF's built-in Helvetica. */
    private static final File[] FONTS = {
            new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), new File("/usr/share/fonts/TTF/DejaVuSans.ttf")};

    static {
        // The renderer logs every stylesheet and font it loads; a failure still ends in an exception.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private PlanWriter() {
    }

    /**
     * The plan in a format.
     *
     * @throws InputException naming the field when the plan breaks a limit of a plan file (PlanFile.problems):
     *     a control character that Word and PDF cannot hold, a date outside 1990..2100 that no timeline can
     *     draw. Plans read or drafted by the library never do; one built in code is refused, not half-written.
     */
    public static byte[] write(Plan plan, Format format) {
        return write(plan, format, PageSize.LETTER);
    }

    /** The plan in a format; a PDF on paper of {@code pageSize} (the other formats leave paper to the reader's program). */
    public static byte[] write(Plan plan, Format format, PageSize pageSize) {
        List<Problem> problems = PlanFile.problems(plan);
        if (!problems.isEmpty()) {
            throw new InputException("plan", problems);
        }
        return switch (format) {
            case JSON -> PlanFile.write(plan).getBytes(StandardCharsets.UTF_8);
            case MD -> markdown(PlanDocument.of(plan)).getBytes(StandardCharsets.UTF_8);
            case DOCX -> PlanDocx.write(PlanDocument.of(plan));
            case PDF -> pdf(PlanDocument.of(plan), pageSize);
        };
    }

    // --- Markdown --------------------------------------------------------------------------------------

    static String markdown(PlanDocument doc) {
        StringBuilder out = new StringBuilder("# ").append(doc.title()).append("\n\n");
        for (PlanDocument.Block block : doc.blocks()) {
            if (block instanceof PlanDocument.Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof PlanDocument.Paragraph p) {
                out.append(p.text()).append("\n\n");
            } else if (block instanceof PlanDocument.Table t) {
                out.append("| ").append(String.join(" | ", t.header())).append(" |\n");
                out.append("|").append("---|".repeat(t.header().size())).append("\n");
                for (List<List<String>> row : t.rows()) {
                    out.append("| ");
                    for (List<String> cell : row) {
                        out.append(String.join("<br>", cell.stream().map(PlanWriter::cell).toList())).append(" | ");
                    }
                    out.setLength(out.length() - 1);
                    out.append("\n");
                }
                out.append("\n");
            } else if (block instanceof PlanDocument.Timeline t) {
                out.append(mermaid(t));
            } else if (block instanceof PlanDocument.Trend t) {
                out.append(xychart(t));
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    /** A Mermaid Gantt chart: GitHub, GitLab and most Markdown viewers draw it as a picture. */
    private static String mermaid(PlanDocument.Timeline t) {
        StringBuilder out = new StringBuilder("```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    axisFormat %b %Y\n");
        String section = null;
        int n = 0;
        for (PlanDocument.Bar bar : t.bars()) {
            if (!bar.goal().equals(section)) {
                section = bar.goal();
                out.append("    section ").append(section).append('\n');
            }
            String label = bar.label().replaceAll("[:;#]", ",").replaceAll("\\s+", " ");
            out.append("    ").append(label).append(" :s").append(++n).append(", ").append(bar.start()).append(", ").append(bar.end().plusDays(1)).append('\n');
        }
        return out.append("```\n\n").toString();
    }

    /**
     * A Mermaid line chart of an outcome's figures and the straight line to its target, which Markdown viewers
     * that draw Mermaid show as a picture; the figures are in the table above it for those that do not.
     */
    private static String xychart(PlanDocument.Trend t) {
        var p = t.progress();
        var o = p.outcome();
        if (o.actuals().isEmpty()) {
            return "";
        }
        StringBuilder x = new StringBuilder();
        StringBuilder figures = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (var a : o.actuals()) {
            x.append(x.isEmpty() ? "" : ", ").append('"').append(a.date()).append('"');
            figures.append(figures.isEmpty() ? "" : ", ").append(AdviceWriter.number(a.value()));
            if (o.baseline() != null && o.target() != null && o.targetDate() != null) {
                long span = java.time.temporal.ChronoUnit.DAYS.between(p.baselineDate(), o.targetDate());
                double share = span <= 0 ? 1 : Math.max(0, Math.min(1, java.time.temporal.ChronoUnit.DAYS.between(p.baselineDate(), a.date()) / (double) span));
                line.append(line.isEmpty() ? "" : ", ").append(AdviceWriter.number(Math.round((o.baseline() + (o.target() - o.baseline()) * share) * 10) / 10.0));
            }
        }
        String title = (p.id() + " " + TrendChart.status(p)).replace("\"", "'");
        return "```mermaid\nxychart-beta\n    title \"" + title + "\"\n    x-axis [" + x + "]\n    line [" + figures + "]\n"
                + (line.isEmpty() ? "" : "    line [" + line + "]\n") + "```\n\n";
    }

    // --- PDF, through XHTML ----------------------------------------------------------------------------

    static String xhtml(PlanDocument doc, boolean unicode, PageSize pageSize) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>")
                .append(esc(doc.title(), unicode)).append("</title><style>")
                .append("@page { size: ").append(pageSize.css).append("; margin: 18mm 16mm; } body { font-family: ").append(unicode ? "'DejaVu Sans', " : "").append("sans-serif; font-size: 9.5pt; }")
                .append(" h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 11.5pt; }")
                .append(" table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: 4px; vertical-align: top; }")
                .append(" th { background: #eee; text-align: left; } td.c { width: 22%; font-weight: bold; } img { width: 100%; } img.trend { width: 80%; }")
                .append("</style></head><body><h1>").append(esc(doc.title(), unicode)).append("</h1>");
        for (PlanDocument.Block block : doc.blocks()) {
            if (block instanceof PlanDocument.Heading h) {
                out.append("<h").append(h.level()).append('>').append(esc(h.text(), unicode)).append("</h").append(h.level()).append('>');
            } else if (block instanceof PlanDocument.Paragraph p) {
                out.append("<p>").append(esc(p.text(), unicode)).append("</p>");
            } else if (block instanceof PlanDocument.Table t) {
                out.append("<table><tr>");
                t.header().forEach(h -> out.append("<th>").append(esc(h, unicode)).append("</th>"));
                out.append("</tr>");
                for (List<List<String>> row : t.rows()) {
                    out.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        out.append(i == 0 ? "<td class=\"c\">" : "<td>");
                        out.append(String.join("<br/>", row.get(i).stream().map(s -> esc(s, unicode)).toList())).append("</td>");
                    }
                    out.append("</tr>");
                }
                out.append("</table>");
            } else if (block instanceof PlanDocument.Timeline t) {
                out.append("<img alt=\"Timeline of the action steps\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(TimelineChart.png(t))).append("\"/>");
            } else if (block instanceof PlanDocument.Trend t) {
                out.append("<img class=\"trend\" alt=\"").append(esc(t.progress().sentence(), unicode)).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(TrendChart.png(t.progress()))).append("\"/>");
            }
        }
        return out.append("</body></html>").toString();
    }

    /** A PDF on US Letter (for other writers of this package). */
    static byte[] pdf(PlanDocument doc) {
        return pdf(doc, PageSize.LETTER);
    }

    static byte[] pdf(PlanDocument doc, PageSize pageSize) {
        File font = null;
        for (File f : FONTS) {
            if (f.isFile()) {
                font = f;
                break;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (font != null) {
                builder.useFont(font, "DejaVu Sans");
            }
            builder.withHtmlContent(xhtml(doc, font != null, pageSize), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the PDF", e);
        }
        return out.toByteArray();
    }

    /** XML-escaped text; without a Unicode font, symbols Helvetica lacks become plain ASCII. */
    private static String esc(String text, boolean unicode) {
        String t = unicode ? text : text.replace("\u2265", ">=").replace("\u2264", "<=").replace("\u2192", "->").replace("\u2026", "...");
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
