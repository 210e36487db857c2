package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.server.EquityAdvisorServer;
import org.equityadvisor.server.RuleSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The coach's workbench through the whole Spring stack: an uploaded rule set checked, tested and compared
 * with the set in service; refused archives and rule sets, with the set in service untouched; a set put into
 * service (the advice answers with its hash) and rolled back; the set in service as a zip; the rule pages;
 * and the roles. The server serves a copy of the shipped rules, so putting a set into service changes no
 * file of the project.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, properties = {"equityadvisor.scenarios=scenarios", "equityadvisor.watch=false",
        "equityadvisor.coach.diff-public=AK", "equityadvisor.users=src/test/resources/server/users.yaml",
        "spring.datasource.url=jdbc:h2:mem:coachpages;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class CoachPagesTest {

    static final Path ROOT = temp();
    static final Path RULES = ROOT.resolve("rules");
    private static final Pattern REVIEW_ID = Pattern.compile("name=\"id\" value=\"([^\"]+)\"");
    private static final String GAP = "  gap: 0.6 ";

    @Autowired
    MockMvc mvc;

    @Autowired
    RuleSets ruleSets;

    /** A copy of the shipped rules in a folder of its own (the server may replace it). */
    static Path temp() {
        try {
            Path root = Files.createTempDirectory("coach-pages");
            copy(Path.of("rules"), root.resolve("rules"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("equityadvisor.rules", RULES::toString);
    }

    @AfterAll
    static void clean() throws IOException {
        delete(ROOT);
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    MockHttpSession signIn(String user) throws Exception {
        return FormSessions.signIn(mvc, user);
    }

    static String token(MvcResult page) throws Exception {
        return FormSessions.token(page);
    }

    MvcResult upload(MockHttpSession session, String name, byte[] zip) throws Exception {
        String token = token(mvc.perform(get("/coach").session(session)).andReturn());
        return mvc.perform(multipart("/coach/upload").file(new MockMultipartFile("ruleset", name, "application/zip", zip)).param("_csrf", token)
                .session(session)).andReturn();
    }

    MvcResult submit(MockHttpSession session, String path, String... params) throws Exception {
        String token = token(mvc.perform(get("/coach").session(session)).andReturn());
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).session(session).param("_csrf", token);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    /** The shipped rules as a zip, with some files replaced or added. */
    static byte[] zip(Map<String, String> changes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path rules = Path.of("rules");
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = rules.relativize(p).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(name));
                zip.write(changes.containsKey(name) ? changes.get(name).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(p));
                zip.closeEntry();
            }
            for (Map.Entry<String, String> added : changes.entrySet()) {
                if (!Files.exists(rules.resolve(added.getKey()))) {
                    zip.putNextEntry(new ZipEntry(added.getKey()));
                    zip.write(added.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** The shipped set with a gap just past its threshold weighing a little less (ranking.yaml): the same suggestions, other scores. */
    static byte[] reweighed(String gap) throws IOException {
        String ranking = Files.readString(Path.of("rules", "ranking.yaml"));
        assertThat(ranking).contains(GAP);
        return zip(Map.of("ranking.yaml", ranking.replace(GAP, "  gap: " + gap + " ")));
    }

    static final String SMUGGLER = """
            package org.equityadvisor.rules;

            import org.equityadvisor.model.*;

            rule "Smuggler"
                @source("OET-ADEA-2022")
                @divide("ACCESS")
                agenda-group "suggest"
            when
                $g : Gap()
            then
                \\u0052untime.getRuntime().exec("touch /tmp/pwned");
            end
            """;

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8));
    }

    // ---- tests --------------------------------------------------------------------------------------------

    @Test
    void theCoachPageShowsEachScenarioTheGeneratedCasesAndTheCoverageAndSaysWhereTheRulesComeFrom() throws Exception {
        String page = mvc.perform(get("/coach").session(signIn("cora"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("riverbend-rural-high-poverty.yaml").contains("firing cases and").contains("near misses")
                .contains("Coverage").contains(RULES.toString()).doesNotContain("Optional[");
    }

    @Test
    void aChangedSetIsCheckedTestedAndItsAdviceComparedWithTheSetInService() throws Exception {
        MvcResult r = upload(signIn("cora"), "changed.zip", reweighed("0.59"));
        String page = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(page).contains("The uploaded rule set: changed.zip").contains("The check passed: rule set sha256:")
                .contains("Compared over:").contains("the scenarios in scenarios;").contains("the public districts of AK;")
                .contains("districts changed their advice").contains("score 0.").contains("changed.zip (uploaded)")
                .doesNotContain("equity-advisor-uploads")
                .contains("Put into service");
    }

    @Test
    void aSetWithAForbiddenCallIsRefusedByTheBytecodeCheckAndTheSetInServiceIsUntouched() throws Exception {
        String before = ruleSets.active().kb().hash();
        String onDisk = KnowledgeBase.hashOf(RULES);
        String page = upload(signIn("cora"), "smuggler.zip", zip(Map.of("smuggler.drl", SMUGGLER))).getResponse().getContentAsString();
        assertThat(page).contains("The check found").contains("Smuggler").contains("smuggler.drl").containsPattern("java/lang/Runtime|java.lang.Runtime")
                .doesNotContain("Put into service</button>");
        assertThat(ruleSets.active().kb().hash()).isEqualTo(before);
        assertThat(KnowledgeBase.hashOf(RULES)).isEqualTo(onDisk);
        assertThat(Path.of("/tmp/pwned")).doesNotExist();
    }

    @Test
    void anArchiveWithAnEntryOutsideItsFolderIsRefusedNamingTheEntry() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("access.drl"));
            zip.write("package x;".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("../../evil.drl"));
            zip.write("package x;".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        MvcResult r = upload(signIn("cora"), "slip.zip", bytes.toByteArray());
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("The archive was refused").contains("slip.zip:../../evil.drl")
                .contains("outside the rule set");
        assertThat(ROOT.resolve("evil.drl")).doesNotExist();
    }

    @Test
    void anArchiveWithAFileNoRuleSetHasIsRefusedNamingTheFile() throws Exception {
        MvcResult r = upload(signIn("cora"), "odd.zip", zip(Map.of("tools/run.sh", "#!/bin/sh\nrm -rf /\n")));
        assertThat(r.getResponse().getContentAsString()).contains("odd.zip:tools/run.sh").contains("is not a kind of file a rule set has");
    }

    @Test
    void aPassingSetPutIntoServiceAnswersTheAdviceAndTheOldOneComesBackWithARollback() throws Exception {
        MockHttpSession cora = signIn("cora");
        String before = ruleSets.active().kb().hash();
        String page = upload(cora, "better.zip", reweighed("0.58")).getResponse()
                .getContentAsString();
        Matcher id = REVIEW_ID.matcher(page);
        assertThat(id.find()).as("a Put into service button").isTrue();

        MvcResult installed = submit(cora, "/coach/install", "id", id.group(1));
        assertThat(installed.getResponse().getRedirectedUrl()).isEqualTo("/coach");
        String now = ruleSets.active().kb().hash();
        assertThat(now).isNotEqualTo(before).isEqualTo(KnowledgeBase.hashOf(RULES));
        assertThat(Files.readString(RULES.resolve("ranking.yaml"))).contains("  gap: 0.58 ");
        assertThat(RULES.resolveSibling("rules.previous").resolve("triggers.csv")).exists();
        MvcResult advice = mvc.perform(post("/api/advice").header("Authorization", basic("cora")).contentType("application/json")
                .content("{\"district\": {\"name\": \"Riverbend\", \"id\": \"0612345\", \"locale\": \"rural\"},"
                        + " \"measures\": [{\"metric\": \"GM-01\", \"value\": 14}]}")).andReturn();
        assertThat(advice.getResponse().getStatus()).isEqualTo(200);
        assertThat(advice.getResponse().getHeader("X-Rule-Set")).isEqualTo(now);
        assertThat(mvc.perform(get("/coach").session(cora)).andReturn().getResponse().getContentAsString()).contains(now)
                .contains("Put the previous rule set back");

        submit(cora, "/coach/rollback");
        assertThat(ruleSets.active().kb().hash()).isEqualTo(before);
        assertThat(Files.readString(RULES.resolve("ranking.yaml"))).contains(GAP);
    }

    @Test
    void theSetInServiceDownloadsAsAZipThatChecksToTheSameHash() throws Exception {
        MvcResult r = mvc.perform(get("/coach/ruleset.zip").session(signIn("cora"))).andReturn();
        assertThat(r.getResponse().getContentType()).isEqualTo("application/zip");
        Path out = Files.createTempDirectory(ROOT, "download");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.createDirectories(out.resolve(f.getKey()).getParent());
            Files.write(out.resolve(f.getKey()), f.getValue());
        }
        assertThat(files).containsKeys("triggers.csv", "catalog/actions.yaml");
        assertThat(KnowledgeBase.hashOf(out)).isEqualTo(KnowledgeBase.hashOf(RULES));
    }

    @Test
    void integratorsCheckAZipThroughTheApiAndGetCheckTestAndDiffAsJson() throws Exception {
        MvcResult r = mvc.perform(post("/api/rules/check").header("Authorization", basic("cora")).contentType("application/zip")
                .content(reweighed("0.57"))).andReturn();
        String json = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).as(json).isEqualTo(200);
        assertThat(json).contains("\"checked\":true").contains("\"servable\":true").contains("\"nearMisses\":").contains("\"REEXPLAINED\"")
                .contains("\"comparedOver\":[\"the scenarios in scenarios\",\"the public districts of AK\"]");
        MvcResult smuggled = mvc.perform(post("/api/rules/check").header("Authorization", basic("ada")).contentType("application/zip")
                .content(zip(Map.of("smuggler.drl", SMUGGLER)))).andReturn();
        assertThat(smuggled.getResponse().getContentAsString()).contains("\"checked\":false").contains("Smuggler").contains("\"servable\":false");
        MvcResult foreign = mvc.perform(post("/api/rules/check").header("Authorization", basic("cora")).header("X-File-Name", "mine.zip")
                .contentType("application/zip").content(zip(Map.of("bin/tool.exe", "MZ")))).andReturn();
        assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
        assertThat(foreign.getResponse().getContentAsString()).contains("mine.zip:bin/tool.exe").contains("is not a kind of file a rule set has");
    }

    @Test
    void theOpenApiDocumentTypesTheRuleSetEndpoints() throws Exception {
        var docs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(mvc.perform(get("/v3/api-docs").header("Authorization", basic("cora")))
                .andReturn().getResponse().getContentAsString());
        assertThat(docs.at("/paths/~1api~1rules~1check/post/requestBody/content/application~1zip").isMissingNode()).isFalse();
        assertThat(docs.at("/paths/~1api~1rules~1check/post/responses/200/content/application~1json/schema/$ref").asText()).endsWith("/Review");
        assertThat(docs.at("/components/schemas/Review/properties/diff/$ref").asText()).endsWith("/DiffReport");
        assertThat(docs.at("/paths/~1api~1rules~1install/post/responses/409").isMissingNode()).isFalse();
        assertThat(docs.at("/paths/~1api~1rules~1current.zip/get/responses/200/content/application~1zip").isMissingNode()).isFalse();
    }

    @Test
    void aLeaderGetsForbiddenOnTheCoachPageItsUploadAndTheRuleSetApi() throws Exception {
        MockHttpSession lee = signIn("lee");
        assertThat(mvc.perform(get("/coach").session(lee)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/coach/ruleset.zip").session(lee)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/rules/check").header("Authorization", basic("lee")).contentType("application/zip")
                .content(new byte[] {1})).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/rules/current.zip").header("Authorization", basic("lee"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void theWhyOfAnAdviceLinksToThePageOfTheRuleThatGaveIt() throws Exception {
        MockHttpSession ada = signIn("ada");
        String advice = mvc.perform(get("/districts/9900001/advice").session(ada)).andReturn().getResponse().getContentAsString();
        Matcher link = Pattern.compile("href=\"(/rules/by-name\\?rule=[^\"]+)\">([^<]+)</a>").matcher(advice);
        assertThat(link.find()).as("a rule linked under Why?").isTrue();
        String rule = link.group(2).replace("&#39;", "'"); // Thymeleaf escapes apostrophes; the rule pages need not
        String target = mvc.perform(get(java.net.URI.create(link.group(1).replace("&amp;", "&"))).session(ada)).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(target).startsWith("/rules/").endsWith(".html");
        assertThat(mvc.perform(get(target).session(ada)).andReturn().getResponse().getContentAsString())
                .contains("<h1>" + rule + "</h1>");
    }

    @Test
    void leadersReadHowTheAdvisorDecidesAndTheWhyOfAdviceLinksToTheRulesPage() throws Exception {
        MockHttpSession lee = signIn("lee");
        String index = mvc.perform(get("/rules/").session(lee)).andReturn().getResponse().getContentAsString();
        assertThat(index).contains("<h1>How the advisor decides</h1>").contains("Suggest a homework-hotspot map where students lack home internet")
                .contains("class=\"top\"");
        MvcResult byName = mvc.perform(get("/rules/by-name").param("rule", "Suggest a homework-hotspot map where students lack home internet")
                .session(lee)).andReturn();
        String slug = byName.getResponse().getRedirectedUrl();
        assertThat(slug).startsWith("/rules/suggest-a-homework-hotspot-map").endsWith(".html");
        String page = mvc.perform(get(slug).session(lee)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Suggest a homework-hotspot map where students lack home internet</h1>").contains("AS-09")
                .contains("COSN-TOOLKIT-2018").contains("Fires in");
        String spanish = mvc.perform(get(slug).param("lang", "es").session(lee)).andReturn().getResponse().getContentAsString();
        assertThat(spanish).contains("Cómo decide el asesor").contains("Las páginas de las reglas están escritas en inglés.");
        assertThat(mvc.perform(get("/rules/no-such-rule.html").session(lee)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
