package org.equityadvisor.server.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.BiConsumer;

/**
 * A form's typed text read as a date or a number, with the words the command line uses when it is not one. The
 * pages decide what a blank field means (keep, clear, or "is required"); this says only whether the text is what
 * the field needs, and names the field when it is not.
 */
final class FormFields {

    private FormFields() {
    }

    /** The date the text names (YYYY-MM-DD), or null after telling {@code problem} which field is not a date. */
    static LocalDate date(String field, String text, BiConsumer<String, String> problem) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problem.accept(field, "'" + text.strip() + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** The number the text writes, or null after telling {@code problem} which field is not one. */
    static Double number(String field, String text, BiConsumer<String, String> problem) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            problem.accept(field, notANumber(text));
            return null;
        }
    }

    /**
     * The number as typed, kept exact (1800 stays a whole number for a reader that wants one), or null after
     * telling {@code problem} which field is not one. Thousands may be separated by commas.
     */
    static BigDecimal exact(String field, String text, BiConsumer<String, String> problem) {
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            problem.accept(field, notANumber(text));
            return null;
        }
    }

    private static String notANumber(String text) {
        return "expected a number, found '" + text.strip() + "'";
    }
}
