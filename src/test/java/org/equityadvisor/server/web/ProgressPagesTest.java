package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Cadence;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.server.EquityAdvisorServer;
import org.equityadvisor.server.PlanStore;
import org.equityadvisor.server.RuleSets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The progress, review and roll-up pages through the whole Spring stack (MockMvc): step status with who and
 * when, a blocked step without a note refused at its field, figures with their errors at the field in the
 * CLI's words, a stale change shown beside what is saved, cadence, what is due by owner, the calendar address
 * made and revoked, the yearly report, the review against the district's saved assessment, and who may see
 * what: lee leads Riverbend (0612345, CA), otto another district, stella coordinates CA and oren OR.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, properties = {"equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.watch=false",
        "equityadvisor.users=src/test/resources/server/users.yaml", "spring.datasource.url=jdbc:h2:mem:progresspages;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class ProgressPagesTest {


    @Autowired
    MockMvc mvc;

    @Autowired
    PlanStore plans;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    AssessmentStore assessments;

    MockHttpSession signIn(String user) throws Exception {
        return FormSessions.signIn(mvc, user);
    }

    static String token(MvcResult page) throws Exception {
        return FormSessions.token(page);
    }

    String page(MockHttpSession session, String path) throws Exception {
        return FormSessions.page(mvc, session, path);
    }

    int status(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
    }

    /** A form post with the CSRF token of the home page (one token per session). */
    MvcResult submit(MockHttpSession session, MockHttpServletRequestBuilder post) throws Exception {
        return FormSessions.submit(mvc, session, "/", post);
    }

    /** The Riverbend scenario's assessment with the test leader's district id, as the contract's JSON. */
    static String riverbend(double homeInternet) throws Exception {
        ObjectNode doc = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("scenarios", "riverbend-rural-high-poverty.yaml")));
        doc.remove("name");
        doc.remove("description");
        doc.remove("expect");
        String json = new ObjectMapper().writeValueAsString(doc);
        return json.replace("\"value\":12,", "\"value\":" + homeInternet + ",");
    }

    /** Eight months ago, so that some steps and figures are overdue today. */
    static final LocalDate START = LocalDate.now().minusMonths(8);
    /** A day for a figure: after the start, before today. */
    static final String MEASURED = LocalDate.now().minusDays(10).toString();

    /** Riverbend's plan of the top three goals, from eight months ago, stored as lee's. */
    PlanStore.Stored riverbendPlan() throws Exception {
        Assessment a = assessments.reader().read("riverbend", riverbend(12));
        Plan plan = new DraftPlan(ruleSets.active().kb()).draftTop(a, ruleSets.active().advisor().advise(a), 3, START);
        return plans.create(plan, "0612345", "lee");
    }

    static ActionStep step(Plan plan, String goal, String step) {
        return plan.goals().stream().filter(g -> g.id().equals(goal)).flatMap(g -> g.steps().stream()).filter(s -> s.id().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void aLeaderMarksAStepDoneAndThePageSaysWhoAndWhenAndABlockedStepWithoutANoteIsRefusedAtTheNoteField() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        MockHttpSession lee = signIn("lee");
        String path = "/plans/" + plan.id() + "/progress";
        assertThat(page(lee, path)).contains("<h1>Progress</h1>").contains("Not started").contains("Publish a multilingual homework-hotspot map");

        MvcResult done = submit(lee, post(path + "/status").param("version", "1").param("goal", "G-CONNECT").param("step", "AS-09").param("status", "done"));
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo(path + "#step-G-CONNECT-AS-09");
        PlanStore.Stored saved = plans.find(plan.id()).orElseThrow();
        assertThat(saved.version()).isEqualTo(2);
        assertThat(step(saved.plan(), "G-CONNECT", "AS-09").stepStatus()).isEqualTo(StepStatus.DONE);
        assertThat(plans.versions(plan.id()).get(1).change()).isEqualTo("step AS-09 of G-CONNECT: done");
        assertThat(page(lee, path)).contains("lee on " + LocalDate.now());

        MvcResult blocked = submit(lee, post(path + "/status").param("version", "2").param("goal", "G-CONNECT").param("step", "AS-13").param("status", "blocked")
                .param("note", " "));
        assertThat(blocked.getResponse().getStatus()).isEqualTo(400);
        assertThat(blocked.getResponse().getContentAsString()).contains("<strong>note</strong>")
                .contains("id=\"step-G-CONNECT-AS-13-note-error\" class=\"error\">is required for a blocked step")
                .containsPattern("id=\"step-G-CONNECT-AS-13-status\"[^>]*>\\s*<option value=\"planned\">Not started</option>\\s*<option value=\"in-progress\">In progress</option>\\s*<option value=\"done\">Done</option>\\s*<option value=\"blocked\" selected");
        assertThat(plans.find(plan.id()).orElseThrow().version()).as("nothing saved").isEqualTo(2);
    }

    @Test
    void aFigureIsAddedWithItsChartAndTableAndAMistakeIsShownAtItsFieldInTheCliWords() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        MockHttpSession lee = signIn("lee");
        String path = "/plans/" + plan.id() + "/progress";
        MvcResult wrong = submit(lee, post(path + "/actual").param("version", "1").param("goal", "G-CONNECT").param("outcome", "GM-01").param("value", "many")
                .param("date", MEASURED).param("n", "5"));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("id=\"actual-G-CONNECT-GM-01-value-error\" class=\"error\">expected a number, found &#39;many&#39;")
                .contains("value=\"many\"");
        MvcResult few = submit(lee, post(path + "/actual").param("version", "1").param("goal", "G-CONNECT").param("outcome", "GM-01").param("value", "9")
                .param("date", MEASURED).param("n", "5"));
        assertThat(few.getResponse().getContentAsString()).contains("id=\"actual-G-CONNECT-GM-01-n-error\" class=\"error\">5 is fewer than 10");
        assertThat(plans.find(plan.id()).orElseThrow().version()).isEqualTo(1);

        submit(lee, post(path + "/actual").param("version", "1").param("goal", "G-CONNECT").param("outcome", "GM-01").param("value", "9")
                .param("date", MEASURED).param("n", "3900").param("source", "summer survey"));
        String shown = page(lee, path);
        assertThat(shown).contains("<svg").contains("role=\"img\"").contains("The figures of GM-01 as a table")
                .contains("<td>" + MEASURED + "</td><td>9</td><td>3900</td><td>summer survey</td><td>lee</td>");
        assertThat(plans.find(plan.id()).orElseThrow().plan().goals().get(0).outcomes().get(0).actuals()).hasSize(1);
    }

    @Test
    void aChangeMadeAgainstAnOldVersionShowsBothSavesNothingAndCanThenBeSavedOnTheNewest() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        MockHttpSession lee = signIn("lee");
        String path = "/plans/" + plan.id() + "/progress";
        submit(lee, post(path + "/status").param("version", "1").param("goal", "G-CONNECT").param("step", "AS-13").param("status", "in-progress"));
        MvcResult stale = submit(lee, post(path + "/status").param("version", "1").param("goal", "G-CONNECT").param("step", "AS-13").param("status", "blocked")
                .param("note", "no hotspot budget"));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        String shown = stale.getResponse().getContentAsString();
        assertThat(shown).contains("Someone saved this plan while you were making your change").contains("Saved now (version 2, by lee)")
                .contains("in-progress · lee").contains("blocked (no hotspot budget)").contains("name=\"version\" value=\"2\"");
        assertThat(step(plans.find(plan.id()).orElseThrow().plan(), "G-CONNECT", "AS-13").stepStatus()).isEqualTo(StepStatus.IN_PROGRESS);

        submit(lee, post(path + "/status").param("version", "2").param("goal", "G-CONNECT").param("step", "AS-13").param("status", "blocked")
                .param("note", "no hotspot budget"));
        ActionStep now = step(plans.find(plan.id()).orElseThrow().plan(), "G-CONNECT", "AS-13");
        assertThat(now.stepStatus()).isEqualTo(StepStatus.BLOCKED);
        assertThat(now.note()).isEqualTo("no hotspot budget");
    }

    @Test
    void theCadenceIsSetWhatIsDueIsFilteredByOwnerAndTheCalendarAddressIsMadeAndRevoked() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        MockHttpSession lee = signIn("lee");
        String path = "/plans/" + plan.id() + "/progress";
        submit(lee, post(path + "/cadence").param("version", "1").param("cadence", "MONTHLY"));
        assertThat(plans.find(plan.id()).orElseThrow().plan().reporting()).isEqualTo(Cadence.MONTHLY);
        assertThat(page(lee, path)).contains("every month");

        // Two owners with a step overdue today: each sees theirs, not the other's.
        Plan p = plans.find(plan.id()).orElseThrow().plan();
        java.util.List<ActionStep> late = p.goals().stream().flatMap(g -> g.steps().stream())
                .filter(x -> x.owner() != null && x.due() != null && x.due().isBefore(LocalDate.now())).toList();
        ActionStep first = late.get(0);
        ActionStep other = late.stream().filter(x -> !x.owner().equals(first.owner())).findFirst().orElseThrow();
        String mine = mvc.perform(get(path).param("as", first.owner()).session(lee)).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("Due and overdue for " + first.owner()).contains("<option value=\"" + first.owner() + "\" selected")
                .contains("Finish the step</span>: <span>" + first.description()).doesNotContain("Finish the step</span>: <span>" + other.description());
        assertThat(page(lee, path)).contains("Due and overdue, everyone").contains("Finish the step</span>: <span>" + other.description()).contains("Overdue");

        MvcResult made = submit(lee, post(path + "/calendar"));
        String url = (String) made.getFlashMap().get("feedUrl");
        assertThat(url).matches("http://localhost:80/calendar/[A-Za-z0-9_-]+\\.ics");
        String feed = url.substring(url.indexOf("/calendar/"));
        MvcResult ics = mvc.perform(get(feed)).andReturn();
        assertThat(ics.getResponse().getStatus()).isEqualTo(200);
        assertThat(ics.getResponse().getContentAsString()).startsWith("BEGIN:VCALENDAR");
        Matcher revoke = Pattern.compile("action=\"(/plans/[^\"]+/revoke)\"").matcher(page(lee, path));
        assertThat(revoke.find()).isTrue();
        submit(lee, post(revoke.group(1)));
        assertThat(mvc.perform(get(feed)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(page(lee, path)).contains("Revoked on " + LocalDate.now());
    }

    @Test
    void theYearlyReportDownloadsWithTheNewFiguresInEachFormat() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        MockHttpSession lee = signIn("lee");
        String path = "/plans/" + plan.id();
        submit(lee, post(path + "/progress/actual").param("version", "1").param("goal", "G-CONNECT").param("outcome", "GM-01").param("value", "7.5")
                .param("date", LocalDate.now().minusDays(1).toString()).param("n", "3900"));
        MvcResult md = mvc.perform(get(path + "/report?format=md").session(lee)).andReturn();
        assertThat(md.getResponse().getHeader("Content-Disposition")).contains("report-0612345.md");
        assertThat(md.getResponse().getContentAsString()).contains("# Yearly report").contains("7.5");
        assertThat(mvc.perform(get(path + "/report?format=docx").session(lee)).andReturn().getResponse().getContentAsByteArray()).startsWith('P', 'K');
        assertThat(mvc.perform(get(path + "/report?format=pdf").session(lee)).andReturn().getResponse().getContentAsByteArray()).startsWith('%', 'P', 'D', 'F');
        assertThat(page(lee, path)).contains(path + "/progress");
    }

    @Test
    void aReviewAgainstTheDistrictsSavedAssessmentListsWhatChangedAndAcceptingRecordsTheFigures() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        Assessment newer = assessments.reader().read("newer", riverbend(2));
        assessments.save(newer, "lee");
        MockHttpSession lee = signIn("lee");
        String path = "/plans/" + plan.id() + "/review";
        assertThat(page(lee, path)).contains("The district&#39;s latest saved assessment").contains("Or upload a newer assessment");
        MvcResult compared = submit(lee, post(path).param("source", "saved"));
        assertThat(compared.getResponse().getStatus()).isEqualTo(200);
        assertThat(compared.getResponse().getContentAsString()).contains("What changed since the plan began").contains("Outcomes achieved")
                .contains("G-CONNECT GM-01").contains("Gaps closed");
        MvcResult accepted = submit(lee, post(path + "/accept").param("version", "1").param("source", "saved"));
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/plans/" + plan.id() + "/progress");
        PlanStore.Stored after = plans.find(plan.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.plan().goals().get(0).outcomes().get(0).actuals()).extracting(a -> a.value()).contains(2.0);

        MvcResult upload = submit(lee, multipart(path).file(new MockMultipartFile("file", "newer.json", "application/json", riverbend(2).getBytes()))
                .param("source", "file"));
        assertThat(upload.getResponse().getContentAsString()).contains("What changed since the plan began");
        MvcResult otherDistrict = submit(lee, multipart(path).file(new MockMultipartFile("file", "x.json", "application/json",
                riverbend(2).replace("0612345", "0699999").getBytes())).param("source", "file"));
        assertThat(otherDistrict.getResponse().getStatus()).isEqualTo(400);
        assertThat(otherDistrict.getResponse().getContentAsString()).contains("assessment.district.id").contains("must be the plan&#39;s district, 0612345");
    }

    @Test
    void anotherDistrictsLeaderGetsNothingTheCoordinatorReadsOnlyAndSeesOnlyTheirState() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        String path = "/plans/" + plan.id() + "/progress";
        MockHttpSession otto = signIn("otto");
        for (String p : new String[] {path, "/plans/" + plan.id() + "/report?format=md", "/plans/" + plan.id() + "/review"}) {
            assertThat(status(otto, p)).as(p).isEqualTo(404);
        }
        assertThat(submit(otto, post(path + "/status").param("version", "1").param("goal", "G-CONNECT").param("step", "AS-09").param("status", "done"))
                .getResponse().getStatus()).isEqualTo(404);

        MockHttpSession stella = signIn("stella");
        String read = page(stella, path);
        assertThat(read).contains("only the district&#39;s own team changes it").doesNotContain("/progress/status").doesNotContain("Add the figure")
                .contains("Publish a multilingual homework-hotspot map");
        assertThat(submit(stella, post(path + "/status").param("version", "1").param("goal", "G-CONNECT").param("step", "AS-09").param("status", "done"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(status(stella, "/plans/" + plan.id() + "/review")).isEqualTo(403);
        assertThat(plans.find(plan.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(page(stella, "/")).contains("href=\"/states\"");
        assertThat(mvc.perform(get("/states").session(stella)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/states/CA");
        String state = page(stella, "/states/CA");
        assertThat(state).contains("State roll-up: CA").contains("Riverbend").contains("href=\"" + path + "\"").contains("Availability and affordability of fixed and wireless broadband");
        MvcResult csv = mvc.perform(get("/states/CA/rollup.csv").session(stella)).andReturn();
        assertThat(csv.getResponse().getContentAsString()).startsWith("state,as_of,field,kind,title,districts");
        assertThat(mvc.perform(get("/states/CA/rollup.json").session(stella)).andReturn().getResponse().getContentAsString()).contains("\"state\" : \"CA\"");

        MockHttpSession oren = signIn("oren");
        assertThat(status(oren, "/states/CA")).isEqualTo(404);
        assertThat(status(oren, "/states/CA/rollup.csv")).isEqualTo(404);
        assertThat(status(oren, path)).isEqualTo(404);
        assertThat(page(oren, "/states/OR")).doesNotContain("Riverbend");

        MockHttpSession lee = signIn("lee");
        assertThat(status(lee, "/states/CA")).isEqualTo(403);
        assertThat(status(lee, "/states")).isEqualTo(403);
        assertThat(page(lee, "/")).doesNotContain("href=\"/states\"");
    }

    @Test
    void theProgressPageSpeaksSpanish() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        MockHttpSession lee = signIn("lee");
        String es = mvc.perform(get("/plans/" + plan.id() + "/progress").session(lee).header("Accept-Language", "es")).andReturn().getResponse()
                .getContentAsString();
        assertThat(es).contains("<html lang=\"es\"").contains("<h1>Progreso</h1>").contains("Sin empezar").contains("Informe anual");
    }
}
