package org.equityadvisor.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard home-access questions (CCSSO/EducationSuperHighway → CEDS → Ed-Fi Data Standard 3.3-b, the
 * {@code DigitalEquity} elements of StudentEducationOrganizationAssociation) and the group columns a survey
 * may carry, each with its standard answers. Answers are matched by their letters and digits only, in any
 * case, after an Ed-Fi descriptor's namespace ({@code uri://ed-fi.org/…Descriptor#}): "Not Affordable",
 * "NotAffordable" and "not-affordable" are one answer.
 */
enum Question {

    ACCESS("InternetAccessInResidence", List.of(), Kind.ANSWER,
            List.of("Yes", "No", "No - Not Available", "No - Not Affordable", "No - Not Desired", "No - Other"),
            Map.of("true", "Yes", "y", "Yes", "1", "Yes", "false", "No", "n", "No", "0", "No")),
    BARRIER("BarrierToInternetAccessInResidence", List.of(), Kind.ANSWER,
            List.of("Not Available", "Not Affordable", "Not Desired", "Other"), Map.of()),
    TYPE("InternetAccessTypeInResidence", List.of(), Kind.ANSWER,
            List.of("Residential Broadband", "Cellular Network", "Hot Spot", "Community Provided Wi-Fi", "Satellite", "Dial-up", "Other", "None",
                    "Unknown"),
            Map.of("schoolprovidedhotspot", "Hot Spot", "hotspot", "Hot Spot", "broadband", "Residential Broadband", "cellular", "Cellular Network")),
    PERFORMANCE("InternetPerformance", List.of("InternetPerformanceInResidence"), Kind.ANSWER, List.of("Yes", "Sometimes", "No"),
            Map.of("true", "Yes", "false", "No")),
    DEVICE("DigitalDevice", List.of("PrimaryLearningDeviceAwayFromSchool"), Kind.ANSWER,
            List.of("Desktop Computer", "Laptop Computer", "Tablet", "Chromebook", "Smartphone", "None", "Other"),
            Map.of("desktop", "Desktop Computer", "laptop", "Laptop Computer", "phone", "Smartphone", "cellphone", "Smartphone")),
    PROVIDER("PrimaryLearningDeviceProvider", List.of(), Kind.ANSWER, List.of("Personal", "School", "Other"), Map.of()),
    SHARING("PrimaryLearningDeviceAccess", List.of(), Kind.ANSWER, List.of("Shared", "Not Shared", "Unknown"), Map.of()),
    LOW_INCOME("LowIncome", List.of(), Kind.FLAG, Flag.ANSWERS, Flag.SYNONYMS),
    ENGLISH_LEARNER("EnglishLearner", List.of(), Kind.FLAG, Flag.ANSWERS, Flag.SYNONYMS),
    DISABILITY("Disability", List.of(), Kind.FLAG, Flag.ANSWERS, Flag.SYNONYMS),
    HOMELESS("Homeless", List.of(), Kind.FLAG, Flag.ANSWERS, Flag.SYNONYMS),
    MIGRANT("Migrant", List.of(), Kind.FLAG, Flag.ANSWERS, Flag.SYNONYMS),
    RACE("Race", List.of(), Kind.VALUE, List.of(), Map.of()),
    SCHOOL("School", List.of(), Kind.VALUE, List.of(), Map.of());

    /** A multiple-choice question, a yes/no group column, or a group column whose values name the group. */
    enum Kind {
        ANSWER, FLAG, VALUE
    }

    /** No answer: the cell was blank. */
    static final int BLANK = -1;
    /** An answer this question does not have. */
    static final int UNKNOWN = -2;

    private final String header;
    private final List<String> aliases;
    private final Kind kind;
    private final List<String> answers;
    private final Map<String, Integer> codes;

    Question(String header, List<String> aliases, Kind kind, List<String> answers, Map<String, String> synonyms) {
        this.header = header;
        this.aliases = aliases;
        this.kind = kind;
        this.answers = answers;
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            byKey.put(key(answers.get(i)), i);
        }
        synonyms.forEach((word, answer) -> byKey.put(key(word), answers.indexOf(answer)));
        this.codes = Map.copyOf(byKey);
    }

    /** The column name of the standard layout: the Ed-Fi element's name. */
    String header() {
        return header;
    }

    /** The standard name and its other accepted spellings, for finding the column in a header. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(header);
        out.addAll(aliases);
        return out;
    }

    Kind kind() {
        return kind;
    }

    /** The standard answers, in the wording the mapping file and the messages use. */
    List<String> answers() {
        return answers;
    }

    /** The group a VALUE column puts a student in, e.g. {@code race:Hispanic or Latino}. */
    String group(String value) {
        return (this == RACE ? "race:" : "school:") + value;
    }

    /** The index of a standard answer, {@link #BLANK} for an empty cell, {@link #UNKNOWN} for anything else. */
    int code(String raw) {
        if (raw == null) {
            return BLANK;
        }
        String key = key(descriptorCode(raw));
        if (key.isEmpty()) {
            return BLANK;
        }
        Integer code = codes.get(key);
        return code == null ? UNKNOWN : code;
    }

    /** The question a column name or Ed-Fi property names, or null. */
    static Question named(String name) {
        String wanted = key(name);
        for (Question q : values()) {
            for (String n : q.names()) {
                if (key(n).equals(wanted)) {
                    return q;
                }
            }
        }
        return null;
    }

    /** An Ed-Fi descriptor's code value: the part after '#' of {@code uri://ed-fi.org/XDescriptor#Code}. */
    static String descriptorCode(String raw) {
        int hash = raw.lastIndexOf('#');
        return hash >= 0 && raw.startsWith("uri://") ? raw.substring(hash + 1) : raw;
    }

    /** Letters and digits only, lower case: how answers and names are compared. */
    static String key(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** The answers of a yes/no group column. */
    static final class Flag {
        static final int YES = 0;
        static final int NO = 1;
        static final List<String> ANSWERS = List.of("Yes", "No");
        static final Map<String, String> SYNONYMS = Map.of("y", "Yes", "true", "Yes", "1", "Yes", "n", "No", "false", "No", "0", "No");

        private Flag() {
        }
    }
}
