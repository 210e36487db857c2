package org.equityadvisor.server.web;

import java.util.Locale;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.SuggestedGoal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The catalog's words in the page's language, for templates ({@code @catalog.title(indicator)}): the rule set's
 * own English text, or its translation where the rule set's {@code i18n/<lang>.yaml} has one (indicators, levels,
 * metrics, goals). Both come from the rule set in use, so a coach's change to the catalog or its translation shows at once.
 */
@Component("catalog")
public class Catalog {

    private final Web web;

    Catalog(Web web) {
        this.web = web;
    }

    public String title(Indicator i) {
        return text("indicator." + i.id() + ".title", i.title());
    }

    public String level(Indicator i, int level) {
        return text("indicator." + i.id() + ".level." + level, i.describe(level));
    }

    public String title(Metric m) {
        return text("metric." + m.id() + ".title", m.title());
    }

    /** A suggested goal's title, by its catalog id. */
    public String title(SuggestedGoal g) {
        return text("goal." + g.id() + ".title", g.title());
    }

    public String description(SuggestedGoal g) {
        return text("goal." + g.id() + ".description", g.description());
    }

    /** A catalog action's title, in the page's language. */
    public String title(Action a) {
        return text("action." + a.id() + ".title", a.title());
    }

    private String text(String key, String english) {
        Locale locale = LocaleContextHolder.getLocale();
        KnowledgeBase kb = web.kb();
        return kb.translations().text(locale.getLanguage(), key, english);
    }
}
