package org.equityadvisor.advise;

import java.util.List;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.Problem;

/** A run of the rules went past its {@link RuleBudget}: the rule set, not the assessment, is at fault. */
public final class RuleBudgetException extends RuleSetException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    RuleBudgetException(String origin, String rule, Problem problem) {
        super(origin, List.of(problem));
        this.rule = rule;
    }

    /** The rule that was firing when the budget ran out, or that fired most. */
    public String rule() {
        return rule;
    }
}
