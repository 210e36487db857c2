package org.equityadvisor.progress;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The due dates as an iCalendar text (RFC 5545) that calendar applications subscribe to: one all-day event
 * per open step and per outcome reporting date. Hand-written because the subset is small: CRLF line ends,
 * lines folded at 75 octets without splitting a character (3.1), TEXT values escaped (3.3.11). Each event's UID
 * is made from the plan key, goal and step or outcome, so a calendar updates the same event when the plan
 * changes instead of adding a copy; DTSTAMP is the day given, so the same plan gives the same text.
 */
final class ICalendar {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ICalendar() {
    }

    static String of(String name, Map<String, List<Progress.Due>> byPlan, LocalDate stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Equity Advisor//Plan progress//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        byPlan.forEach((key, dues) -> {
            for (Progress.Due d : dues) {
                line(out, "BEGIN:VEVENT");
                line(out, "UID:" + DueDates.slug(key) + "-" + DueDates.slug(d.goalId()) + "-" + d.kind().name().toLowerCase(java.util.Locale.ROOT) + "-"
                        + DueDates.slug(d.ref()) + (d.kind() == Progress.Due.Kind.FIGURE ? "-" + DAY.format(d.date()) : "") + "@equity-advisor");
                line(out, "DTSTAMP:" + DAY.format(stamp) + "T000000Z");
                line(out, "DTSTART;VALUE=DATE:" + DAY.format(d.date()));
                line(out, "DTEND;VALUE=DATE:" + DAY.format(d.date().plusDays(1)));
                line(out, "SUMMARY:" + text((d.kind() == Progress.Due.Kind.STEP ? "Step due: " : "Figure due: ") + d.what()));
                line(out, "DESCRIPTION:" + text("Owner: " + d.owner() + "\nGoal: " + d.goalId() + "\n" + (d.kind() == Progress.Due.Kind.STEP ? "Step " : "Outcome ") + d.ref()));
                line(out, "CATEGORIES:" + text(d.owner()));
                line(out, "TRANSP:TRANSPARENT");
                line(out, "END:VEVENT");
            }
        });
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A content line folded so no line passes 75 octets: CRLF, then a space, then the rest. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
