package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.model.Measure;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

class CompiledCacheTest {

    @TempDir
    Path tmp;

    private List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.filter(p -> p.toString().endsWith(".kjar")).toList();
        }
    }

    private static String advice(KnowledgeBase kb) {
        return AdviceWriter.json(new Advisor(kb).advise(Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 12.0)))));
    }

    @Test
    void reusesACompiledRuleSetAndGivesTheSameAdvice() throws IOException {
        Path cache = tmp.resolve("cache");
        KnowledgeBase first = KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));
        assertThat(entries(cache)).hasSize(1);

        KnowledgeBase second = KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));

        assertThat(advice(second)).isEqualTo(advice(first));
        assertThat(entries(cache)).hasSize(1);
    }

    @Test
    void compilesAgainWhenTheEntryIsDamaged() throws IOException {
        Path cache = tmp.resolve("cache");
        KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));
        Files.writeString(entries(cache).get(0), "not a kjar");

        KnowledgeBase kb = KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));

        assertThat(advice(kb)).contains("AS-09");
    }

    @Test
    void aChangedRuleSetIsCompiledNotServedFromTheCache() throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        KnowledgeBase.load(rules, CompiledCache.at(cache));
        Path access = rules.resolve("access.drl");
        Files.writeString(access, Files.readString(access).replace("insert( new Suggestion(\"AS-09\") );", ""));

        KnowledgeBase changed = KnowledgeBase.load(rules, CompiledCache.at(cache));

        assertThat(advice(changed)).doesNotContain("\"AS-09\"");
        assertThat(entries(cache)).hasSize(2);
    }

    /** Compiles a rule set with Drools alone (no checks), as an attacker would, under the release id the advisor loads. */
    private static byte[] compiledWithoutChecks(Path rules, String releaseOf) throws IOException {
        RuleFiles files = RuleFiles.read(rules);
        String hash = RuleFiles.read(Path.of(releaseOf)).hash();
        KieServices ks = KieServices.Factory.get();
        ReleaseId release = ks.newReleaseId("org.equityadvisor.rules", "ruleset-" + hash.substring(7, 23), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(release);
        for (String drl : files.paths(".drl")) {
            kfs.write("src/main/resources/" + drl, files.files().get(drl));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        byte[] kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
        ks.getRepository().removeKieModule(release);
        return kjar;
    }

    /** The kjar with its DRL files replaced by those of another folder: classes of one rule set, sources of another. */
    private static byte[] withSourcesOf(byte[] kjar, Path rules) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(kjar)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().endsWith(".drl") ? Files.readAllBytes(rules.resolve(e.getName())) : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private Path malicious(Path marker) throws IOException {
        Path bad = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp.resolve("bad"));
        Path access = bad.resolve("access.drl");
        Fixtures.write(access, Files.readString(access).replace("insert( new Suggestion(\"AS-09\") );",
                "insert( new Suggestion(\"AS-09\") ); new java.io.FileWriter(\"" + marker + "\").close();"));
        return bad;
    }

    @Test
    void aPlantedEntryWithForbiddenCodeNeverRunsTheCleanRulesAreCompiledInstead() throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp.resolve("clean"));
        String clean = advice(KnowledgeBase.load(rules, CompiledCache.off()));
        Path marker = tmp.resolve("planted-code-ran");
        byte[] planted = withSourcesOf(compiledWithoutChecks(malicious(marker), rules.toString()), rules);
        // The attack is live: the planted classes, loaded as-is, write the marker.
        KnowledgeBase.load(rules, CompiledCache.at(cache));
        Path entry = entries(cache).get(0);
        Files.write(entry, planted);
        runAsIs(planted, rules);
        assertThat(marker).as("control: the planted code runs when loaded without the check").exists();
        Files.delete(marker);
        Files.write(entry, planted);

        KnowledgeBase kb = KnowledgeBase.load(rules, CompiledCache.at(cache));

        assertThat(advice(kb)).isEqualTo(clean).contains(kb.hash());
        assertThat(marker).as("the planted code must never run").doesNotExist();
        assertThat(Files.readAllBytes(entries(cache).get(0))).as("the planted entry is replaced by a checked compile").isNotEqualTo(planted);
    }

    /** The fixture rules without the suggestion of AS-09: allowed code, other advice. */
    private Path withoutTheHotspotMap() throws IOException {
        Path other = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp.resolve("other"));
        Path access = other.resolve("access.drl");
        Fixtures.write(access, Files.readString(access).replace("insert( new Suggestion(\"AS-09\") );", ""));
        return other;
    }

    @Test
    void aPlantedEntryOfAnotherRuleSetIsNotUsedEvenWhenItsCodeIsAllowed() throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp.resolve("clean"));
        Path other = withoutTheHotspotMap();
        KnowledgeBase.load(rules, CompiledCache.at(cache));
        Files.write(entries(cache).get(0), compiledWithoutChecks(other, rules.toString()));

        KnowledgeBase kb = KnowledgeBase.load(rules, CompiledCache.at(cache));

        assertThat(advice(kb)).as("the clean rules ran, not the planted ones").contains("\"AS-09\"");
    }

    @Test
    void anEntryOthersMayWriteIsNotTrusted() throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp.resolve("clean"));
        Path other = withoutTheHotspotMap();
        KnowledgeBase.load(rules, CompiledCache.at(cache));
        Path entry = entries(cache).get(0);
        // Allowed code and the clean sources, but writable by anyone: it could have been planted.
        Files.write(entry, withSourcesOf(compiledWithoutChecks(other, rules.toString()), rules));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));

        KnowledgeBase kb = KnowledgeBase.load(rules, CompiledCache.at(cache));

        assertThat(advice(kb)).contains("\"AS-09\"");
    }

    @Test
    void theCacheFolderIsCreatedForItsOwnerOnly() throws IOException {
        Path cache = tmp.resolve("cache");

        KnowledgeBase.load(Fixtures.FIXTURE_RULES, CompiledCache.at(cache));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
    }

    private static void runAsIs(byte[] kjar, Path rules) {
        KieServices ks = KieServices.Factory.get();
        String hash = RuleFiles.read(rules).hash();
        ReleaseId release = ks.newReleaseId("org.equityadvisor.rules", "ruleset-" + hash.substring(7, 23), "1.0.0");
        ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(kjar));
        try {
            KieSession session = ks.newKieContainer(release).getKieBase().newKieSession();
            session.insert(new org.equityadvisor.model.Gap("GM-01", "all", 12.0, 3.0, true, org.equityadvisor.model.Gap.Kind.PAST_THRESHOLD, null,
                    org.equityadvisor.model.Divide.ACCESS, false));
            session.getAgenda().getAgendaGroup("suggest").setFocus();
            session.fireAllRules();
            session.dispose();
        } finally {
            ks.getRepository().removeKieModule(release);
        }
    }
}
