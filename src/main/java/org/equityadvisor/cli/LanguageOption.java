package org.equityadvisor.cli;

import org.equityadvisor.advise.Advisor;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Option;

/** {@code --lang}: the language of the advice's sentences ("en" by default; each translation in rules/i18n). */
final class LanguageOption {

    @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG",
            description = "the language of the advice: en (default) or a translation the rule set has in rules/i18n (es)")
    String language;

    /** The advisor speaking this language; an unknown one is an error naming it and the languages there are. */
    Advisor apply(Advisor advisor) {
        try {
            return advisor.inLanguage(language);
        } catch (IllegalArgumentException e) {
            throw new InputException("--lang", new Problem("--lang", e.getMessage()));
        }
    }
}
