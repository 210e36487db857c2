package org.equityadvisor.server.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' languages: English and Spanish, chosen by the browser's Accept-Language until the user picks
 * one with the switch on every page ({@code ?lang=es}), which a cookie then remembers. All interface text is in
 * {@code web/messages*.properties}; the catalog's own words (indicators, levels, metrics) come from the rule set
 * in English and from its translation ({@code rules/i18n/es.yaml}) in Spanish, through {@link Catalog}.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    /** The interface's words, one bundle per area of the app so that each page's words sit together. */
    static final List<String> BUNDLES = List.of("web/messages", "web/coach", "web/progress");

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(BUNDLES.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("equity-advisor-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            // Accept-Language, limited to the languages the pages speak.
            for (var e = request.getLocales(); e.hasMoreElements();) {
                Locale wanted = e.nextElement();
                for (Locale l : LANGUAGES) {
                    if (l.getLanguage().equals(wanted.getLanguage())) {
                        return l;
                    }
                }
            }
            return Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
