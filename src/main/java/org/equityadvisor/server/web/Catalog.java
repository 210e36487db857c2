package org.equityadvisor.server.web;

import java.util.Locale;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.SuggestedGoal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The catalog's words in the page's language, for templates ({@code @catalog.title(indicator)}): the rule set's
 * own English text, or its translation where {@code web/catalog_<lang>.properties} has one (indicators, levels, metrics,
 * goals). English is never
 * copied into a bundle, so a coach's change to the catalog shows at once.
 */
@Component("catalog")
public class Catalog {

    private final MessageSource messages;

    Catalog(MessageSource messages) {
        this.messages = messages;
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

    private String text(String key, String english) {
        Locale locale = LocaleContextHolder.getLocale();
        if (locale.getLanguage().equals("en")) {
            return english;
        }
        return messages.getMessage(key, null, english, locale);
    }
}
