package org.equityadvisor.knowledge;

import java.time.LocalDate;
import java.util.List;
import org.equityadvisor.model.Divide;

/**
 * What the rule set says about one rule: where it is, its stage, the divides it serves, the sources it
 * cites, the catalog entries it can suggest and, for a rule tied to a sunsetting programme, its last day.
 * {@code intent} is the comment written above the rule (why it exists; empty when there is none) and
 * {@code when} its conditions as written, for the rule's page.
 */
public record RuleInfo(
        String name,
        String file,
        int line,
        String stage,
        List<Divide> divides,
        List<String> sources,
        LocalDate validUntil,
        List<String> suggests,
        String intent,
        String when) {

    public static final String DETECT = "detect";
    public static final String SUGGEST = "suggest";
    public static final String REFINE = "refine";
    /** The stages in the order the advisor runs them. */
    public static final List<String> STAGES = List.of(DETECT, SUGGEST, REFINE);

    public RuleInfo {
        divides = List.copyOf(divides);
        sources = List.copyOf(sources);
        suggests = List.copyOf(suggests);
        intent = intent == null ? "" : intent;
        when = when == null ? "" : when;
    }

    public String location() {
        return file + ":" + line;
    }
}
