package org.equityadvisor.imports;

import java.util.Arrays;

/**
 * One student's (or household's) answers while its row is decoded: the index of the standard answer for
 * each question and yes/no group ({@link Question#BLANK} when not answered), and the race and school named.
 * Lives only until its row is counted; nothing student-level is kept. Mutable on purpose: one per row, filled
 * cell by cell.
 */
final class Response {

    private final int[] answers = new int[Question.values().length];
    private String race;
    private String school;

    Response() {
        Arrays.fill(answers, Question.BLANK);
    }

    int get(Question q) {
        return answers[q.ordinal()];
    }

    void set(Question q, int code) {
        answers[q.ordinal()] = code;
    }

    void setValue(Question q, String value) {
        if (q == Question.RACE) {
            race = value;
        } else {
            school = value;
        }
    }

    String race() {
        return race;
    }

    String school() {
        return school;
    }

    /** True when at least one of the home-access questions was answered. */
    boolean answeredAny() {
        for (Question q : Question.values()) {
            if (q.kind() == Question.Kind.ANSWER && get(q) >= 0) {
                return true;
            }
        }
        return false;
    }
}
