package org.equityadvisor.advise;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The engine's own sentence frames in one language (frames.properties and frames_&lt;language&gt;.properties beside
 * this class): "in 2018, ...", "Target within 12 months: ...", the reasons' and warnings' wording. The rule set's
 * words (metric phrases, titles, group names) come from the rule set and its translations, not from here.
 * Other writers of the advice (the text and Markdown exports) keep their own words in a bundle of the same kind.
 */
public final class Frames {

    private static final String BUNDLE = "org.equityadvisor.advise.frames";
    /** No fallback to the JVM's default locale: the advice must not change with the machine it runs on. */
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String name;
    private final ResourceBundle bundle;

    private Frames(String name, ResourceBundle bundle) {
        this.name = name;
        this.bundle = bundle;
    }

    static Frames of(String language) {
        return of(BUNDLE, language);
    }

    /** The engine's own frames in a language: what a reader of the trace needs to recognise its sentences. */
    public static Frames engine(String language) {
        return of(BUNDLE, language);
    }

    /**
     * The frames of a bundle ("org.equityadvisor.export.words") in a language: "en" or null is the base file,
     * another language its {@code _<language>} file; a language without a file gets the base file.
     */
    public static Frames of(String bundle, String language) {
        Locale locale = language == null || "en".equals(language) ? Locale.ROOT : Locale.forLanguageTag(language);
        return new Frames(bundle, ResourceBundle.getBundle(bundle, locale, CONTROL));
    }

    /** True when this language has the frame (for words drawn from data, such as a region's name, that may have none). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The frame with {0}, {1}, ... replaced by the arguments as given. */
    public String get(String key, Object... args) {
        String frame;
        try {
            frame = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the sentence frame '" + key + "' is missing from " + name, e);
        }
        if (args.length == 0) {
            return frame;
        }
        StringBuilder out = new StringBuilder(frame.length() + 32);
        int i = 0;
        while (i < frame.length()) {
            char c = frame.charAt(i);
            int close = c == '{' ? frame.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && frame.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(frame.substring(i + 1, close));
                out.append(n < args.length ? String.valueOf(args[n]) : frame.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The unit word after a count: " point" for one, " points" otherwise. */
    public String unit(String singular, String plural, double count) {
        return get(count == 1 ? singular : plural);
    }
}
