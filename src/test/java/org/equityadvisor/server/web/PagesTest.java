package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Base64;
import org.equityadvisor.server.EquityAdvisorServer;
import org.equityadvisor.server.PlanStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The page controllers through the whole Spring stack (MockMvc, no browser): sign-in with a form and CSRF,
 * district access by id on every page, the self-assessment saved and resumed, advice with its charts and
 * tables, accepting goals into a plan, the plan's conflict handling, exports, the admin page and Spanish.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, properties = {"equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.watch=false",
        "equityadvisor.users=src/test/resources/server/users.yaml", "spring.datasource.url=jdbc:h2:mem:pages;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class PagesTest {


    @Autowired
    MockMvc mvc;

    @Autowired
    PlanStore plans;

    MockHttpSession signIn(String user) throws Exception {
        return FormSessions.signIn(mvc, user);
    }

    static String token(MvcResult page) throws Exception {
        return FormSessions.token(page);
    }

    String page(MockHttpSession session, String path) throws Exception {
        return FormSessions.page(mvc, session, path);
    }

    MvcResult submit(MockHttpSession session, String formPage, MockHttpServletRequestBuilder post) throws Exception {
        return FormSessions.submit(mvc, session, formPage, post);
    }

    @Test
    void aVisitorIsSentToTheSignInFormWhichCarriesTheSecurityHeaders() throws Exception {
        MvcResult home = mvc.perform(get("/")).andReturn();
        assertThat(home.getResponse().getStatus()).isEqualTo(302);
        assertThat(home.getResponse().getRedirectedUrl()).endsWith("/login");
        MvcResult login = mvc.perform(get("/login")).andReturn();
        assertThat(login.getResponse().getContentAsString()).contains("<label for=\"password\">Password</label>");
        assertThat(login.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(login.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void aWrongPasswordSendsTheUserBackToTheFormWithAMessage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = token(mvc.perform(get("/login").session(session)).andReturn());
        MvcResult r = mvc.perform(post("/login").session(session).param("username", "lee").param("password", "wrong").param("_csrf", token)).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString()).contains("do not match");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        MockHttpSession lee = signIn("lee");
        MvcResult out = submit(lee, "/", post("/logout"));
        assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/login?signedOut");
        assertThat(mvc.perform(get("/").session(lee)).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get("/login?signedOut")).andReturn().getResponse().getContentAsString()).contains("You are signed out.");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
        MockHttpSession session = signIn("ada");
        assertThat(mvc.perform(post("/districts").session(session).param("id", "0612345").param("name", "X")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void theApiKeepsHttpBasicAndAnswersJsonWithoutASession() throws Exception {
        MvcResult none = mvc.perform(get("/api/plans")).andReturn();
        assertThat(none.getResponse().getStatus()).isEqualTo(401);
        assertThat(none.getResponse().getContentType()).isEqualTo("application/problem+json");
        String basic = "Basic " + Base64.getEncoder().encodeToString("lee:lee-pass".getBytes());
        assertThat(mvc.perform(get("/api/plans").header("Authorization", basic)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theAdminSeesTheDemoDistrictWithItsAdviceAndNextStep() throws Exception {
        String home = page(signIn("ada"), "/");
        assertThat(home).contains("Harbor City Public Schools (demo)").contains("of 25 indicators answered").contains("Finish the self-assessment");
    }

    @Test
    void aLeaderSeesOnlyTheirOwnDistrictsAndGetsNotFoundForAnyOther() throws Exception {
        MockHttpSession otto = signIn("otto");
        assertThat(page(otto, "/")).doesNotContain("Harbor City");
        for (String path : new String[] {"/districts/9900001/assessment", "/districts/9900001/advice", "/districts/9900001/data", "/districts/9900001/plan",
                "/districts/9900001/assessment.yaml", "/districts/9900001/profile"}) {
            assertThat(mvc.perform(get(path).session(otto)).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
        }
        MvcResult create = submit(otto, "/", post("/districts").param("id", "0612345").param("name", "Not mine"));
        assertThat(create.getFlashMap().get("errors").toString()).contains("is not one of your districts (0699999)");
    }

    @Test
    void theLeaderSetsTheDistrictsSizeLocaleAndRunningStepsAndAMistakeIsShownAtItsField() throws Exception {
        MockHttpSession ada = signIn("ada");
        submit(ada, "/", post("/districts").param("id", "0600042").param("name", "Profile Unified"));
        String path = "/districts/0600042/profile";
        assertThat(page(ada, path)).contains("Students enrolled").contains("Steps the district already runs");

        MvcResult wrong = submit(ada, path, post(path).param("name", "Profile Unified").param("enrollment", "lots").param("schools", "-2"));
        assertThat(wrong.getResponse().getContentAsString()).contains("expected a number, found &#39;lots&#39;");
        submit(ada, path, post(path).param("name", "Profile Unified").param("schools", "-2"));
        MvcResult negative = submit(ada, path, post(path).param("name", "Profile Unified").param("schools", "-2"));
        assertThat(negative.getResponse().getContentAsString()).contains("id=\"d-schools-error\"").contains("-2 must be above 0");

        submit(ada, path, post(path).param("name", "Profile Unified").param("state", "AZ").param("locale", "rural").param("enrollment", "1,800")
                .param("lowIncomePct", "51.5").param("studentDevices", "400").param("inPlace", "AS-04").param("inPlace", "AS-09"));
        String yaml = page(ada, "/districts/0600042/assessment.yaml");
        assertThat(yaml).contains("locale: rural").contains("enrollment: 1800").contains("lowIncomePct: 51.5").contains("studentDevices: 400")
                .contains("AS-04").contains("AS-09").contains("id: \"0600042\"");
        // The advice reads them: one-to-one claimed with 400 devices for 1,800 students is warned about.
        assertThat(page(ada, "/districts/0600042/advice")).contains("counts 400 student devices for 1,800 students enrolled");
    }

    @Test
    void aLeaderStartsADistrictAnswersTheSelfAssessmentInTwoSittingsAndResumes() throws Exception {
        MockHttpSession lee = signIn("lee");
        MvcResult created = submit(lee, "/", post("/districts").param("id", "0612345").param("name", "Riverbend Unified").param("state", "CA"));
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/districts/0612345/assessment");
        String form = page(lee, "/districts/0612345/assessment");
        assertThat(form).contains("0 of 25 answered").contains("Home-access data").contains("No student-level data, or estimates only.")
                .contains("Consistent access");
        submit(lee, "/districts/0612345/assessment", post("/districts/0612345/assessment").param("level_SA-ACC-01", "2").param("note_SA-ACC-01", "survey 2024"));
        String resumed = page(lee, "/districts/0612345/assessment");
        assertThat(resumed).contains("1 of 25 answered").contains("survey 2024");
        assertThat(resumed).containsPattern("id=\"SA-ACC-01-2\"[^>]*checked");
        // The stored file is the contract's YAML, which the CLI reads.
        String yaml = mvc.perform(get("/districts/0612345/assessment.yaml").session(lee)).andReturn().getResponse().getContentAsString();
        assertThat(yaml).contains("SA-ACC-01: { level: 2, note: \"survey 2024\" }").contains("id: \"0612345\"");
    }

    @Test
    void gapDataMistakesAreShownNextToTheFieldInTheCliWordsAndNothingIsStored() throws Exception {
        MockHttpSession ada = signIn("ada");
        String before = mvc.perform(get("/districts/9900001/assessment.yaml").session(ada)).andReturn().getResponse().getContentAsString();
        String form = page(ada, "/districts/9900001/data");
        assertThat(form).contains("value=\"GM-01\" selected").contains("2026 enrollment form");
        MvcResult wrong = submit(ada, "/districts/9900001/data", post("/districts/9900001/data").param("rows[0].metric", "GM-01").param("rows[0].value", "many")
                .param("rows[1].metric", "GM-22").param("rows[1].value", "150"));
        String shown = wrong.getResponse().getContentAsString();
        assertThat(shown).contains("id=\"rows-0-value-error\" class=\"error\">expected a number, found &#39;many&#39;</span>")
                .contains("id=\"rows-1-value-error\" class=\"error\">150 is above 100</span>").contains("value=\"many\"");
        assertThat(mvc.perform(get("/districts/9900001/assessment.yaml").session(ada)).andReturn().getResponse().getContentAsString()).isEqualTo(before);
    }

    @Test
    void theAdviceShowsFindingsFirstAChartWithATableForEachMetricAndTheWhy() throws Exception {
        String advice = page(signIn("ada"), "/districts/9900001/advice");
        assertThat(advice.indexOf("What the figures and answers show")).isLessThan(advice.indexOf("Suggested goals"));
        assertThat(advice).contains("<svg").contains("role=\"img\"").contains("<title id=\"chart-GM-01-t\">Students without home internet</title>")
                .contains("English learners: 14%").contains("The figures as a table").contains("<summary>Why?</summary>");
        String access = page(signIn("ada"), "/districts/9900001/advice?divide=DESIGN");
        assertThat(access).doesNotContain("Access divide</span></h3>");
    }

    @Test
    void acceptingGoalsFromTheAdviceDraftsThePlanAndAddsToIt() throws Exception {
        MockHttpSession ada = signIn("ada");
        MvcResult first = submit(ada, "/districts/9900001/advice", post("/districts/9900001/accept").param("goal", "G-CONNECT"));
        assertThat(first.getResponse().getRedirectedUrl()).startsWith("/districts/9900001/advice");
        submit(ada, "/districts/9900001/advice", post("/districts/9900001/accept").param("goal", "G-DATA"));
        PlanStore.Stored plan = plans.list(java.util.List.of("9900001")).get(0);
        assertThat(plan.plan().goals()).extracting(g -> g.id()).contains("G-CONNECT", "G-DATA");
        String page = page(ada, "/plans/" + plan.id());
        assertThat(page).contains("CoSN rubric check").contains("Part 1: Overview").contains("of 200 words").contains("Version " + plan.version());
        MvcResult docx = mvc.perform(get("/plans/" + plan.id() + "/export?format=docx").session(ada)).andReturn();
        assertThat(docx.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
    }

    @Test
    void theLeaderAddsAStepAndSetsAnOutcomesTargetAndAWrongNumberIsShownAtItsField() throws Exception {
        MockHttpSession ada = signIn("ada");
        submit(ada, "/districts/9900001/advice", post("/districts/9900001/accept").param("goal", "G-DATA"));
        PlanStore.Stored plan = plans.list(java.util.List.of("9900001")).get(0);
        String path = "/plans/" + plan.id();
        int g = plan.plan().goals().stream().map(x -> x.id()).toList().indexOf("G-DATA");
        submit(ada, path, post(path + "/goals/G-DATA/steps").param("version", String.valueOf(plan.version())).param("description", "Ask the library for its Wi-Fi counts")
                .param("owner", "Librarian").param("start", "2027-02-01").param("due", "2027-03-01"));
        PlanStore.Stored withStep = plans.find(plan.id()).orElseThrow();
        assertThat(withStep.plan().goals().get(g).steps()).anySatisfy(s -> {
            assertThat(s.description()).isEqualTo("Ask the library for its Wi-Fi counts");
            assertThat(s.due()).isEqualTo(java.time.LocalDate.of(2027, 3, 1));
        });
        String field = "goals[" + g + "].outcomes[0].target";
        MvcResult wrong = submit(ada, path, post(path).param("version", String.valueOf(withStep.version())).param(field, "most"));
        assertThat(wrong.getResponse().getContentAsString()).contains(field).contains("expected a number, found &#39;most&#39;");
        assertThat(plans.find(plan.id()).orElseThrow().version()).isEqualTo(withStep.version());
        submit(ada, path, post(path).param("version", String.valueOf(withStep.version())).param(field, "2"));
        assertThat(plans.find(plan.id()).orElseThrow().plan().goals().get(g).outcomes().get(0).target()).isEqualTo(2.0);
    }

    @Test
    void theLeaderAddsACatalogPartnerAndOneOfTheDistrictsOwnFromThePlanPage() throws Exception {
        MockHttpSession ada = signIn("ada");
        submit(ada, "/districts/9900001/advice", post("/districts/9900001/accept").param("goal", "G-DATA"));
        PlanStore.Stored plan = plans.list(java.util.List.of("9900001")).get(0);
        String path = "/plans/" + plan.id();
        String before = page(ada, path);
        assertThat(before).contains("A partner of our own").contains("value=\"PT-04\"");
        submit(ada, path, post(path + "/goals/G-DATA/partners").param("version", String.valueOf(plan.version())).param("partner", "PT-04"));
        int v = plans.find(plan.id()).orElseThrow().version();
        submit(ada, path, post(path + "/goals/G-DATA/partners").param("version", String.valueOf(v)).param("name", "Riverbend Library")
                .param("role", "Evening homework help"));
        var partners = plans.find(plan.id()).orElseThrow().plan().goals().stream().filter(x -> x.id().equals("G-DATA")).findFirst().orElseThrow().partners();
        assertThat(partners).extracting(x -> x.id()).contains("PT-04", "OWN-RIVERBEND-LIBRARY");
        String after = page(ada, path);
        // PT-04 is no longer offered for G-DATA, which has it now (other goals of the plan still offer it).
        assertThat(after).contains("Riverbend Library");
        assertThat(after.split("value=\"PT-04\"", -1).length).isEqualTo(before.split("value=\"PT-04\"", -1).length - 1);
    }

    @Test
    void restoringAnOldVersionMakesItTheNewestAndKeepsTheOnesInBetween() throws Exception {
        MockHttpSession ada = signIn("ada");
        submit(ada, "/districts/9900001/advice", post("/districts/9900001/accept").param("goal", "G-CONNECT"));
        submit(ada, "/districts/9900001/advice", post("/districts/9900001/accept").param("goal", "G-ADOPT"));
        PlanStore.Stored now = plans.list(java.util.List.of("9900001")).get(0);
        assertThat(now.version()).isGreaterThan(1);
        String path = "/plans/" + now.id();
        assertThat(page(ada, path + "/versions/1")).contains("Version 1").contains("Make this version the newest");
        MvcResult restored = submit(ada, path + "/versions/1", post(path + "/versions/1/restore").param("version", String.valueOf(now.version())));
        assertThat(restored.getFlashMap().get("saved")).isEqualTo("saved.restored");
        PlanStore.Stored after = plans.find(now.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(now.version() + 1);
        assertThat(after.plan()).isEqualTo(plans.version(now.id(), 1).orElseThrow());
        assertThat(plans.version(now.id(), now.version()).orElseThrow()).isEqualTo(now.plan());
    }

    @Test
    void anEditMadeAgainstAnOldVersionShowsBothAndChangesNothing() throws Exception {
        MockHttpSession ada = signIn("ada");
        submit(ada, "/districts/9900001/advice", post("/districts/9900001/accept").param("goal", "G-ADOPT"));
        PlanStore.Stored before = plans.list(java.util.List.of("9900001")).get(0);
        String path = "/plans/" + before.id();
        submit(ada, path, post(path).param("version", String.valueOf(before.version())).param("reflection", "Theirs: we learned to ask families first."));
        MvcResult stale = submit(ada, path, post(path).param("version", String.valueOf(before.version())).param("reflection", "Mine: start with the data."));
        String shown = stale.getResponse().getContentAsString();
        assertThat(shown).contains("Someone saved this plan while you were editing it").contains("Theirs: we learned to ask families first.")
                .contains("Mine: start with the data.");
        PlanStore.Stored after = plans.find(before.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.plan().reflection()).isEqualTo("Theirs: we learned to ask families first.");
    }

    @Test
    void theAdminAddsALeaderWhoCanThenSignInToThePagesAndTheApi() throws Exception {
        MockHttpSession ada = signIn("ada");
        MvcResult saved = submit(ada, "/admin/users", post("/admin/users").param("name", "nora").param("password", "a long enough secret")
                .param("role", "LEADER").param("districts", "9900001"));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        assertThat(page(ada, "/admin/users")).contains("nora").contains("9900001");
        String basic = "Basic " + Base64.getEncoder().encodeToString("nora:a long enough secret".getBytes());
        assertThat(mvc.perform(get("/api/plans").header("Authorization", basic)).andReturn().getResponse().getStatus()).isEqualTo(200);
        MvcResult shortPassword = submit(ada, "/admin/users", post("/admin/users").param("name", "pat").param("password", "short").param("role", "LEADER")
                .param("districts", "1"));
        assertThat(shortPassword.getFlashMap().get("errors").toString()).contains("at least 12 characters");
        assertThat(mvc.perform(get("/admin/users").session(signIn("lee"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theCoachPageShowsTheRuleSetInServiceAndReloadsIt() throws Exception {
        MockHttpSession cora = signIn("cora");
        assertThat(page(cora, "/coach")).contains("sha256:").contains("Check the rules on disk and reload them");
        MvcResult reload = submit(cora, "/coach", post("/coach/reload"));
        assertThat(reload.getFlashMap().get("saved")).isEqualTo("saved.reloaded");
    }

    @Test
    void theBrowsersSpanishGivesSpanishPagesAndIndicatorsUntilTheSwitchSaysOtherwise() throws Exception {
        MockHttpSession lee = signIn("lee");
        mvc.perform(get("/").session(lee)); // lee's district exists once another test made it; the page needs none
        String es = mvc.perform(get("/districts/9900001/assessment").session(signIn("ada")).header("Accept-Language", "es-MX,es;q=0.9"))
                .andReturn().getResponse().getContentAsString();
        assertThat(es).contains("<html lang=\"es\"").contains("Autoevaluación").contains("Datos de acceso en el hogar")
                .contains("No hay datos por estudiante, o solo estimaciones.");
        MvcResult switched = mvc.perform(get("/districts/9900001/assessment?lang=en").session(signIn("ada")).header("Accept-Language", "es"))
                .andReturn();
        assertThat(switched.getResponse().getContentAsString()).contains("<html lang=\"en\"").contains("Self-assessment");
    }

    @Test
    void theAdviceInSpanishIsTheEnginesSpanishAdviceNotEnglishSentencesInSpanishChrome() throws Exception {
        String es = mvc.perform(get("/districts/9900001/advice").session(signIn("ada")).header("Accept-Language", "es-MX,es;q=0.9"))
                .andReturn().getResponse().getContentAsString();

        assertThat(es).contains("<html lang=\"es\"", "Sugerido porque", "de los estudiantes", "umbral")
                .doesNotContain("Suggested because", "Target within", "have no home internet");
    }
}
