package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The most any input may hold, in one place. Every reader (assessments, plan files, the rule set's own
 * files) checks against these, so the command line, the API and the web pages accept exactly the same;
 * docs/input-limits.md lists them for users. Each limit is far above what a real district needs and low
 * enough that one document cannot exhaust memory or time, or break a printed plan.
 */
public final class InputLimits {

    // --- documents -------------------------------------------------------------------------------------

    /** Characters in one document: a 2,000-row assessment is under 250,000, a drafted plan with its advice about 60,000. */
    public static final int DOCUMENT_CHARS = 2_000_000;
    /** Levels of nesting: a plan file, the deepest document, has 9 (plan, advice, goals, actions, because, sources). */
    public static final int DEPTH = 20;
    /** Characters in one number: a double has 17 significant digits; a longer number is a mistake, and slow to convert. */
    public static final int NUMBER_CHARS = 40;
    /** Characters in one key: keys are field names and ids (indicators in answers, metrics in thresholds). */
    public static final int KEY_CHARS = 100;
    /** Characters in any one text of a document; most fields have a tighter limit (below). */
    public static final int STRING_CHARS = 20_000;

    // --- rows --------------------------------------------------------------------------------------------

    /** Measure rows: 26 metrics for 6 groups is 156 rows; 2,000 leaves room for figures per school and race. */
    public static final int MEASURES = 2_000;
    /**
     * Entries of any other list or map: answers (the framework has 25 indicators), thresholds (26 metrics),
     * actions already in place (44 actions), a step's team. Each entry beyond the framework's is reported
     * on its own; this bounds how many.
     */
    public static final int LIST_ITEMS = 200;
    /** Goals of a plan: the CoSN plan asks for three or more; the catalog has twelve. */
    public static final int GOALS = 50;
    /** Steps, partners and outcomes of one goal each: the catalog's busiest goal has 6 actions. */
    public static final int GOAL_ITEMS = 200;

    // --- texts -------------------------------------------------------------------------------------------

    /** Ids and codes: indicator, metric, action, goal and partner ids, groups, statuses. */
    public static final Text ID = new Text("an id", 100, true);
    /** Names of districts, people and partners: the longest US district name has under 100 characters. */
    public static final Text NAME = new Text("a name", 200, true);
    /** Titles and goal statements; a district's name with "digital equity plan, 2027-2029" fits well. */
    public static final Text TITLE = new Text("a title", 500, true);
    /** Sentences: a step's description, a note, a source, a partner's role, an outcome's text. */
    public static final Text SENTENCE = new Text("this text", 2_000, false);
    /** The overview and the reflection: the rubric asks for at most 200 words; a first draft may run far longer. */
    public static final Text LONG_TEXT = new Text("this text", STRING_CHARS, false);

    // --- dates and figures -------------------------------------------------------------------------------

    /** The earliest date any input may carry: older figures say nothing about a district today. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    /** The latest date any input may carry: a plan's steps and outcomes included. */
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    /** The latest plan start: ten years before {@link #LAST_DATE}, so every step drafted from it fits. */
    public static final LocalDate LAST_START = LocalDate.of(2090, 12, 31);
    /** Months from a plan's start to the end of a step or outcome: ten years, the room {@link #LAST_START} leaves. */
    public static final int MONTHS = 120;
    /** The largest figure a measure, threshold, baseline or target may have (kbps per student is the largest unit). */
    public static final double FIGURE = 1e9;
    /** Students in one district: the largest US district has about a million. */
    public static final int ENROLLMENT = 5_000_000;
    /** Schools in one district. */
    public static final int SCHOOLS = 10_000;
    /** Respondents or people counted by one figure (an area estimate may count a whole county). */
    public static final int COUNT = 100_000_000;

    private static final int QUOTE_CHARS = 60;

    private InputLimits() {
    }

    /** A kind of text field: how long it may be and whether it must stay on one line. */
    public record Text(String what, int max, boolean oneLine) {

        /** What is wrong with a value of this kind, or null when nothing is; null values are for "required" checks. */
        public String problem(String value) {
            if (value == null) {
                return null;
            }
            if (value.length() > max) {
                return "is " + count(value.length()) + " characters long; " + what + " has at most " + count(max);
            }
            int bad = unprintable(value);
            if (bad >= 0) {
                return unprintableProblem(value, bad);
            }
            if (oneLine && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
                return "has a line break; " + what + " is one line";
            }
            return null;
        }
    }

    /**
     * Where the first character is that no export can print, or -1: control characters other than tab and
     * line breaks, halves of a surrogate pair on their own, and the non-characters U+FFFE and U+FFFF. XML
     * (Word, PDF) cannot hold them, and in a terminal they can rewrite what a user sees.
     */
    public static int unprintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (unprintable(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean unprintable(int cp) {
        return surrogate(cp) || cp == 0xFFFE || cp == 0xFFFF
                || Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r';
    }

    private static boolean surrogate(int cp) {
        return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
    }

    /** "contains the control character U+0007 at character 12, which cannot be printed; remove it". */
    public static String unprintableProblem(String text, int at) {
        int cp = text.codePointAt(at);
        String what = surrogate(cp) ? "half of a surrogate pair" : Character.getType(cp) == Character.CONTROL
                ? "the control character" : "the non-character";
        return "contains " + what + " " + codePoint(cp) + " at character " + (at + 1) + ", which cannot be printed; remove it";
    }

    /** What is wrong with a date, or null: before {@link #FIRST_DATE} or after {@code last}. */
    public static String dateProblem(LocalDate date, LocalDate last) {
        if (date == null || !date.isBefore(FIRST_DATE) && !date.isAfter(last)) {
            return null;
        }
        return date + " is " + (date.isBefore(FIRST_DATE) ? "before " + FIRST_DATE : "after " + last) + "; use a date from " + FIRST_DATE + " to " + last;
    }

    /** What is wrong with a figure, or null: not finite, or beyond &plusmn;{@link #FIGURE}. */
    public static String figureProblem(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "is not a number";
        }
        return Math.abs(value) > FIGURE ? value + " is beyond " + count((long) FIGURE) + ", the largest figure accepted" : null;
    }

    /**
     * A value as problems quote it: in single quotes, at most 60 characters, line breaks and unprintable
     * characters shown as U+XXXX, so that a message stays short and readable whatever the input was.
     */
    public static String quote(String text) {
        if (text == null) {
            return "nothing";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        int i = 0;
        for (; i < text.length() && shown < QUOTE_CHARS; shown++) {
            int cp = text.codePointAt(i);
            if (unprintable(cp) || cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(codePoint(cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (i < text.length()) {
            return out.append("\u2026' (").append(count(text.length())).append(" characters)").toString();
        }
        return out.append("'").toString();
    }

    private static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    /** "2,001 rows; at most 2,000": a list longer than its limit, reported once for the whole list. */
    public static String tooMany(int entries, int max, String what) {
        return count(entries) + " " + what + "; at most " + count(max);
    }

    /** 2000000 as "2,000,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
