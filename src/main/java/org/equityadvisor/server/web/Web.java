package org.equityadvisor.server.web;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.server.Accounts;
import org.equityadvisor.server.PlanStore;
import org.equityadvisor.server.RuleSets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What every page controller needs: the signed-in user as the users store has them now, the districts they
 * may see (by id, exactly as the API decides: {@link Accounts.Account#serves}), and a district's assessment and
 * latest plan. A district or plan the user may not see is a 404, as for one that does not exist.
 */
@Component
class Web {

    private final Accounts accounts;
    private final AssessmentStore assessments;
    private final PlanStore plans;
    private final RuleSets ruleSets;

    Web(Accounts accounts, AssessmentStore assessments, PlanStore plans, RuleSets ruleSets) {
        this.accounts = accounts;
        this.assessments = assessments;
        this.plans = plans;
        this.ruleSets = ruleSets;
    }

    /** The signed-in user with their current role and districts (an admin may have changed them since sign-in). */
    Accounts.Account me(Principal principal) {
        return accounts.find(principal.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** The districts this user works on that have an assessment: a leader's own, every one for an admin. */
    List<AssessmentStore.Stored> districts(Accounts.Account me) {
        return assessments.list(me.role() == Accounts.Role.ADMIN ? null : me.role() == Accounts.Role.LEADER ? me.districts() : List.of());
    }

    AssessmentStore.Stored district(String id, Accounts.Account me) {
        if (!me.serves(id)) {
            throw notFound();
        }
        return assessments.find(id).orElseThrow(Web::notFound);
    }

    Assessment assessment(AssessmentStore.Stored stored) {
        return assessments.read(stored);
    }

    /** The district's most recently changed plan, if it has one. */
    Optional<PlanStore.Stored> latestPlan(String districtId) {
        return plans.list(List.of(districtId)).stream().findFirst();
    }

    PlanStore.Stored plan(String planId, Accounts.Account me) {
        return plans.find(planId).filter(p -> !p.deleted() && me.serves(p.districtId())).orElseThrow(Web::notFound);
    }

    KnowledgeBase kb() {
        return ruleSets.active().kb();
    }

    RuleSets.Active active() {
        return ruleSets.active();
    }

    /**
     * The active advisor speaking the page's language where the rule set has it (rules/i18n), English otherwise:
     * the advice a page shows and the plan drafted from it read in the language around them.
     */
    org.equityadvisor.advise.Advisor advisor() {
        org.equityadvisor.advise.Advisor advisor = ruleSets.active().advisor();
        String language = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        return advisor.languages().contains(language) ? advisor.inLanguage(language) : advisor;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
