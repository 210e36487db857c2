package org.equityadvisor.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.equityadvisor.model.Problem;

/**
 * What changed between two rule sets' advice, district by district, with a summary. Immutable; render it
 * as text for a terminal, Markdown for a review, or JSON for a program.
 *
 * @param compared        how many districts both rule sets advised
 * @param changed         the districts whose advice changed, scenarios first, then assessments, then public districts
 * @param outcomeChanges  scenarios whose expectations passed under one rule set and fail under the other
 * @param skipped         districts that could not be compared, with the reason
 */
public record DiffReport(String before, String beforeOrigin, String after, String afterOrigin, int compared, List<DistrictDiff> changed,
        List<OutcomeChange> outcomeChanges, List<Problem> skipped) {

    public enum Format { TEXT, MARKDOWN, JSON }

    /** Where a compared district came from. */
    public enum Kind { SCENARIO, ASSESSMENT, PUBLIC }

    /** Added, dropped, moved, or kept in place with a different score or different reasons. */
    public enum ChangeKind { ADDED, DROPPED, RERANKED, REEXPLAINED }

    /**
     * One id whose place changed. For a goal the place is its rank; for an action, its goal and position
     * among that goal's steps ("G-CONNECT #2"); for a partner, the goal it first appears under; for a
     * finding, its severity; for a suggestion kept in place whose score or reasons changed (REEXPLAINED),
     * the score or the reasons. {@code before} is null for an added id, {@code after} for a dropped one.
     */
    public record Change(String id, ChangeKind change, String before, String after) {
    }

    public record DistrictDiff(Kind kind, String district, String file, List<Change> goals, List<Change> actions, List<Change> partners,
            List<Change> findings) {

        public DistrictDiff {
            goals = List.copyOf(goals);
            actions = List.copyOf(actions);
            partners = List.copyOf(partners);
            findings = List.copyOf(findings);
        }

        public boolean changed() {
            return !goals.isEmpty() || !actions.isEmpty() || !partners.isEmpty() || !findings.isEmpty();
        }
    }

    /** A scenario whose expectations changed outcome; {@code failures} are those of the failing side. */
    public record OutcomeChange(String scenario, String file, boolean passedBefore, boolean passedAfter, List<String> failures) {

        public OutcomeChange {
            failures = List.copyOf(failures);
        }
    }

    /** An id and the number of districts where it appeared (or vanished). */
    public record Count(String id, int districts) {
    }

    public DiffReport {
        changed = List.copyOf(changed);
        outcomeChanges = List.copyOf(outcomeChanges);
        skipped = List.copyOf(skipped);
    }

    /** Ids added to the most districts' advice, most first. */
    public List<Count> appearMost() {
        return RuleSetDiff.most(changed, ChangeKind.ADDED);
    }

    /** Ids dropped from the most districts' advice, most first. */
    public List<Count> vanishMost() {
        return RuleSetDiff.most(changed, ChangeKind.DROPPED);
    }

    /** True when no district's advice changed and no scenario changed outcome. */
    public boolean same() {
        return changed.isEmpty() && outcomeChanges.isEmpty();
    }

    public String render(Format format) {
        return switch (format) {
            case TEXT -> text(false);
            case MARKDOWN -> text(true);
            case JSON -> json();
        };
    }

    private static final int TOP = 10;

    private String text(boolean md) {
        StringBuilder out = new StringBuilder();
        String h1 = md ? "# " : "";
        String h2 = md ? "## " : "";
        String item = md ? "- " : "  ";
        String sub = md ? "  - " : "    ";
        out.append(h1).append("Rules diff: ").append(code(before, md)).append(" (").append(beforeOrigin).append(") → ").append(code(after, md))
                .append(" (").append(afterOrigin).append(")\n\n");
        out.append(summaryLine()).append("\n");
        if (!outcomeChanges.isEmpty()) {
            out.append("\n").append(h2).append("Scenarios whose expectations changed outcome (").append(outcomeChanges.size()).append(")\n\n");
            for (OutcomeChange o : outcomeChanges) {
                out.append(item).append(o.scenario()).append(" (").append(o.file()).append("): ").append(o.passedBefore() ? "PASS" : "FAIL")
                        .append(" → ").append(o.passedAfter() ? "PASS" : "FAIL").append("\n");
                o.failures().forEach(f -> out.append(sub).append(f.replace("\n", " ")).append("\n"));
            }
        }
        for (Kind kind : Kind.values()) {
            List<DistrictDiff> of = changed.stream().filter(d -> d.kind() == kind).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.append("\n").append(h2).append(title(kind)).append(" whose advice changed (").append(of.size()).append(")\n");
            for (DistrictDiff d : of) {
                out.append("\n").append(md ? "### " : "").append(d.district()).append(" (").append(d.file()).append(")\n");
                line(out, item, "goals", d.goals());
                line(out, item, "actions", d.actions());
                line(out, item, "partners", d.partners());
                line(out, item, "findings", d.findings());
            }
        }
        if (!changed.isEmpty()) {
            out.append("\n").append(h2).append("Summary\n\n");
            out.append(item).append("Districts changed: ").append(changed.size()).append(" of ").append(compared);
            for (Kind kind : Kind.values()) {
                long n = changed.stream().filter(d -> d.kind() == kind).count();
                if (n > 0) {
                    out.append("; ").append(title(kind).toLowerCase(Locale.ROOT)).append(" ").append(n);
                }
            }
            out.append("\n");
            counts(out, item, "Appear most", appearMost());
            counts(out, item, "Vanish most", vanishMost());
        }
        if (!skipped.isEmpty()) {
            out.append("\n").append(h2).append("Not compared (").append(skipped.size()).append(")\n\n");
            skipped.forEach(p -> out.append(item).append(p).append("\n"));
        }
        return out.toString();
    }

    private String summaryLine() {
        if (same()) {
            return "No change: the advice of all " + compared + " districts compared is the same under both rule sets.";
        }
        return changed.size() + " of " + compared + " districts' advice changed; " + outcomeChanges.size()
                + (outcomeChanges.size() == 1 ? " scenario changed" : " scenarios changed") + " outcome.";
    }

    private static String code(String hash, boolean md) {
        String shortHash = hash.length() > 19 ? hash.substring(0, 19) + "…" : hash;
        return md ? "`" + shortHash + "`" : shortHash;
    }

    private static String title(Kind kind) {
        return switch (kind) {
            case SCENARIO -> "Scenarios";
            case ASSESSMENT -> "Assessments";
            case PUBLIC -> "Public districts";
        };
    }

    private static void line(StringBuilder out, String item, String what, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        add(parts, changes, c -> c.change() == ChangeKind.ADDED, c -> "+ " + c.id() + place(c.after()));
        add(parts, changes, c -> c.change() == ChangeKind.DROPPED, c -> "− " + c.id() + place(c.before()));
        add(parts, changes, c -> c.change() == ChangeKind.RERANKED, c -> c.id() + " " + c.before() + " → " + c.after());
        add(parts, changes, c -> c.change() == ChangeKind.REEXPLAINED, c -> c.id() + (c.before().startsWith("score ")
                ? " " + c.before() + " → " + c.after().substring("score ".length()) : " with other reasons: " + c.after()));
        out.append(item).append(what).append(": ").append(String.join(", ", parts)).append("\n");
    }

    private static String place(String where) {
        return where == null || where.isEmpty() ? "" : " (" + where + ")";
    }

    private static void add(List<String> parts, List<Change> changes, Predicate<Change> which, java.util.function.Function<Change, String> say) {
        changes.stream().filter(which).map(say).forEach(parts::add);
    }

    private static void counts(StringBuilder out, String item, String title, List<Count> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.append(item).append(title).append(": ").append(counts.stream().limit(TOP)
                .map(c -> c.id() + " in " + c.districts() + (c.districts() == 1 ? " district" : " districts")).collect(Collectors.joining(", ")))
                .append("\n");
    }

    private String json() {
        record Summary(int compared, int changed, int outcomeChanges, List<Count> appearMost, List<Count> vanishMost) {
        }
        record Json(String before, String beforeOrigin, String after, String afterOrigin, Summary summary, List<OutcomeChange> outcomeChanges,
                List<DistrictDiff> changed, List<String> skipped) {
        }
        Json json = new Json(before, beforeOrigin, after, afterOrigin, new Summary(compared, changed.size(), outcomeChanges.size(), appearMost(),
                vanishMost()), outcomeChanges, changed, skipped.stream().map(Problem::toString).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a diff report is plain records and always serialises", e);
        }
    }
}
