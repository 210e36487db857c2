package org.equityadvisor.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.equityadvisor.advise.Frames;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.Reason;
import org.equityadvisor.model.SuggestedAction;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.model.SuggestedPartner;

/** Writes advice as text for a terminal, as Markdown to share, or as the Advice JSON of contract.md. */
public final class AdviceWriter {

    public enum Format {
        TEXT, JSON, MARKDOWN
    }

    /** Text lines are at most this long, unless a narrower width is asked for (a terminal's). */
    public static final int WIDTH = 100;
    /** Below this, wrapping would put a word or two on each line: narrower terminals get this width. */
    public static final int MIN_WIDTH = 40;
    private static final int PARTNER_REASONS = 2;

    /** One mapper for the whole project's JSON: stable field order, no nulls, dates as ISO text. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private AdviceWriter() {
    }

    public static String write(Advice advice, Format format) {
        return write(advice, format, WIDTH);
    }

    /** As {@link #write(Advice, Format)}, with text lines at most {@code width} long (40 to 100; JSON and Markdown are not wrapped). */
    public static String write(Advice advice, Format format, int width) {
        return switch (format) {
            case JSON -> json(advice);
            case MARKDOWN -> markdown(advice);
            case TEXT -> new Text(Math.max(MIN_WIDTH, Math.min(WIDTH, width))).advice(advice);
        };
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("advice records always serialise", e);
        }
    }

    static String number(double value) {
        return NUMBER.get().format(value);
    }

    /** Building a DecimalFormat parses its pattern: one per thread (it is not thread-safe), not one per figure. */
    private static final ThreadLocal<DecimalFormat> NUMBER = ThreadLocal.withInitial(() -> new DecimalFormat("#,##0.##",
            DecimalFormatSymbols.getInstance(Locale.ROOT)));

    // --- text -------------------------------------------------------------------------------------------

    /** The words around the advice's sentences, in the advice's own language (export/words*.properties). */
    static Frames words(Advice advice) {
        return Frames.of(WORDS, advice.language());
    }

    static final String WORDS = "org.equityadvisor.export.words";

    /** "Scale up: ..." for a step the district runs already but whose severe gap persists. */
    static String label(Frames w, SuggestedAction a) {
        return Boolean.TRUE.equals(a.scaleUp()) ? w.get("scaleUp", a.title()) : a.title();
    }

    private static String lowConfidence(Frames w, String confidence) {
        return confidence == null ? "" : w.get("lowConfidence", word(w, "confidence.", confidence));
    }

    /** A fixed word of the advice (a kind, a divide) in its language, or as it is when the bundle has none. */
    private static String word(Frames w, String prefix, String value) {
        try {
            return w.get(prefix + value);
        } catch (IllegalStateException e) {
            return value;
        }
    }

    static String when(Frames w, SuggestedAction a) {
        int start = a.timeline().startMonth();
        int end = start + a.timeline().months();
        return (start == 0 ? w.get("when.now") : w.get("when.later", start + 1)) + w.get("when", a.timeline().months(),
                w.unit("unit.month", "unit.months", a.timeline().months()), start + 1, end);
    }


    /** Advice as text for a terminal: every line at most {@code width} long, continuation lines indented under the first. */
    private static final class Text {
        private final int width;

        Text(int width) {
            this.width = width;
        }

        private String advice(Advice advice) {
            Frames w = words(advice);
            StringBuilder out = new StringBuilder();
            wrap(out, w.get("text.title"), advice.district());
            wrap(out, w.get("text.ruleSet"), advice.ruleSet());
            out.append('\n');
            out.append(w.get("text.findings")).append('\n');
            if (advice.findings().isEmpty()) {
                out.append(w.get("text.noFindings")).append('\n');
            }
            for (Finding f : advice.findings()) {
                String label = String.format(Locale.ROOT, "%-9s", word(w, "kind.", f.kind()).toUpperCase(Locale.ROOT) + ("severe".equals(f.severity()) ? "!" : ""));
                wrap(out, "  " + label + " ", f.text());
            }
            out.append('\n').append(w.get("text.goals")).append('\n');
            if (advice.goals().isEmpty()) {
                out.append(w.get("text.noGoals")).append('\n');
            }
            String score = w.get("score");
            // A terminal gets what a leader acts on, each thing said once (the goal's description, a partner's reasons
            // and the rules' full traces are in Markdown, JSON, explain and the web page): two screens for most districts.
            for (SuggestedGoal g : advice.goals()) {
                out.append('\n');
                wrap(out, g.rank() + ". ", g.title() + "  [" + g.id() + ", " + word(w, "divide.", String.valueOf(g.divide())) + ", " + score + " "
                        + number(g.score()) + "]");
                char letter = 'a';
                for (SuggestedAction a : g.actions()) {
                    wrap(out, "   " + letter++ + ") ", label(w, a) + "  [" + a.id() + ", " + score + " " + number(a.score()) + lowConfidence(w, a.confidence()) + "]");
                    String indent = "      ";
                    wrap(out, indent, w.get("when.label") + when(w, a) + " · " + w.get("team") + String.join(", ", a.team()));
                    wrap(out, indent, w.get("outcome") + a.outcome().text());
                    for (Reason r : a.because()) {
                        wrap(out, indent, w.get("why") + r.text() + " (" + w.get("rule") + r.rule() + ")");
                    }
                    for (String c : a.caveats()) {
                        wrap(out, indent, w.get("caveat") + c);
                    }
                }
                if (!g.partners().isEmpty()) {
                    List<String> partners = new java.util.ArrayList<>();
                    for (SuggestedPartner p : g.partners()) {
                        List<String> with = g.actions().stream().filter(a -> a.partners().contains(p.id())).map(SuggestedAction::id).toList();
                        partners.add(p.title() + " [" + p.id() + "]" + (with.isEmpty() ? "" : w.get("text.partnerWith", String.join(", ", with))));
                    }
                    wrap(out, "   " + w.get("text.partners"), String.join("; ", partners));
                }
            }
            if (!advice.goals().isEmpty()) {
                out.append('\n');
                wrap(out, "", w.get("text.more"));
            }
            return out.toString();
        }

        private void wrap(StringBuilder out, String firstIndent, String text) {
            String indent = " ".repeat(firstIndent.length());
            StringBuilder line = new StringBuilder(firstIndent);
            boolean empty = true;
            for (String word : text.split(" ")) {
                // A word that does not fit goes to the next line, unless nothing but indentation is before it.
                if (line.length() + (empty ? 0 : 1) + word.length() > width && !(empty && line.toString().isBlank())) {
                    out.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(indent);
                    empty = true;
                }
                if (!empty) {
                    line.append(' ');
                }
                line.append(word);
                empty = false;
            }
            out.append(line).append('\n');
        }
    }

    // --- markdown ---------------------------------------------------------------------------------------

    private static String markdown(Advice advice) {
        Frames w = words(advice);
        String score = w.get("score");
        StringBuilder out = new StringBuilder();
        out.append(w.get("md.title")).append(escape(advice.district())).append("\n\n");
        out.append(w.get("md.ruleSet")).append('`').append(advice.ruleSet()).append("`\n\n").append(w.get("md.findings")).append("\n\n");
        if (advice.findings().isEmpty()) {
            out.append(w.get("md.none")).append('\n');
        } else {
            out.append(w.get("md.table")).append("\n|---|---|---|---|\n");
            for (Finding f : advice.findings()) {
                out.append("| ").append(word(w, "kind.", f.kind())).append("severe".equals(f.severity()) ? w.get("md.severe") : "").append(" | ").append(f.id())
                        .append(" | ").append(f.group() == null ? "" : f.group()).append(" | ").append(escape(f.text())).append(" |\n");
            }
        }
        out.append('\n').append(w.get("md.goals")).append('\n');
        if (advice.goals().isEmpty()) {
            out.append('\n').append(w.get("md.noGoals")).append('\n');
        }
        for (SuggestedGoal g : advice.goals()) {
            out.append("\n### ").append(g.rank()).append(". ").append(escape(g.title())).append("\n\n");
            out.append("`").append(g.id()).append("` · ").append(word(w, "divide.", String.valueOf(g.divide()))).append(" · ").append(score).append(' ')
                    .append(number(g.score())).append("\n\n");
            out.append(escape(g.description())).append("\n\n#### ").append(w.get("steps")).append("\n\n");
            for (SuggestedAction a : g.actions()) {
                out.append("- **").append(escape(label(w, a))).append("** (`").append(a.id()).append("`, ").append(score).append(' ').append(number(a.score()))
                        .append(lowConfidence(w, a.confidence())).append(")\n");
                out.append("  - ").append(w.get("when.label")).append(when(w, a)).append("\n");
                out.append("  - ").append(w.get("team")).append(escape(String.join(", ", a.team()))).append("\n");
                if (!a.partners().isEmpty()) {
                    out.append("  - ").append(w.get("worksWith")).append(String.join(", ", a.partners())).append("\n");
                }
                out.append("  - ").append(w.get("outcome")).append(escape(a.outcome().text())).append("\n");
                reasons(w, out, a.because());
                for (String c : a.caveats()) {
                    out.append("  - ").append(w.get("caveat")).append(escape(c)).append("\n");
                }
            }
            if (!g.partners().isEmpty()) {
                out.append("\n#### ").append(w.get("partners")).append("\n\n");
                for (SuggestedPartner p : g.partners()) {
                    out.append("- **").append(escape(p.title())).append("** (`").append(p.id()).append("`)\n");
                    reasons(w, out, shown(p.because()));
                    more(w, p.because()).ifPresent(m -> out.append("  - ").append(m).append("\n"));
                }
            }
        }
        return out.toString();
    }

    /** A partner often serves several findings; the first reasons say why, the JSON and explain keep them all. */
    private static List<Reason> shown(List<Reason> because) {
        return because.subList(0, Math.min(PARTNER_REASONS, because.size()));
    }

    private static java.util.Optional<String> more(Frames w, List<Reason> because) {
        int hidden = because.size() - PARTNER_REASONS;
        return hidden <= 0 ? java.util.Optional.empty() : java.util.Optional.of(w.get(hidden == 1 ? "more.one" : "more.other", hidden));
    }

    private static void reasons(Frames w, StringBuilder out, List<Reason> because) {
        for (Reason r : because) {
            out.append("  - ").append(w.get("why")).append(escape(r.text())).append(" *(").append(w.get("rule")).append(escape(r.rule())).append(")*\n");
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
