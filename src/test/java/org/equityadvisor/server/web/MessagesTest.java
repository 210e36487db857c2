package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Metric;
import org.equityadvisor.server.Accounts;
import org.junit.jupiter.api.Test;

/** Every word of the interface exists in English and in Spanish, and the catalog's words have their Spanish. */
class MessagesTest {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/web/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Every interface bundle of one language, merged. */
    static Properties interfaceWords(String suffix) throws IOException {
        Properties all = new Properties();
        for (String name : WebConfig.BUNDLES) {
            all.putAll(bundle(name.substring("web/".length()) + suffix));
        }
        return all;
    }

    @Test
    void englishAndSpanishHaveTheSameKeys() throws IOException {
        for (String name : WebConfig.BUNDLES) {
            String base = name.substring("web/".length());
            Set<String> en = new TreeSet<>(bundle(base).stringPropertyNames());
            Set<String> es = new TreeSet<>(bundle(base + "_es").stringPropertyNames());
            assertThat(es).as("keys in Spanish of " + base).containsExactlyInAnyOrderElementsOf(en);
        }
    }

    @Test
    void everyKeyATemplateNamesIsInTheBundles() throws IOException {
        Properties en = interfaceWords("");
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9.\\-]+)[}(]");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path f : files.toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyBuiltFromAnEnumOrTheCatalogIsInTheBundles() throws IOException {
        Properties en = interfaceWords("");
        KnowledgeBase kb = KnowledgeBase.load(Path.of("rules"));
        Set<String> wanted = new TreeSet<>();
        for (Divide d : Divide.values()) {
            wanted.add("divide." + d);
        }
        for (Indicator i : kb.indicators().values()) {
            wanted.add("area." + i.domain());
        }
        for (int level = 1; level <= 4; level++) {
            wanted.add("level." + level);
        }
        for (String kind : new String[] {Finding.GAP, Finding.WEAKNESS, Finding.DATA_GAP, Finding.STRENGTH, Finding.WARNING, Finding.INFERRED}) {
            wanted.add("finding." + kind);
        }
        for (String s : ActionStep.STATUSES) {
            wanted.add("status." + s);
        }
        for (Accounts.Role r : Accounts.Role.values()) {
            wanted.add("role." + r);
        }
        assertThat(wanted).allSatisfy(k -> assertThat(en).containsKey(k));
    }

    // The catalog's Spanish (indicators, levels, metrics, goals, ...) lives in the rule set, rules/i18n/es.yaml:
    // TranslationsTest checks that every entry has it.
}
