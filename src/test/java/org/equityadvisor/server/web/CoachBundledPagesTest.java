package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.server.EquityAdvisorServer;
import org.equityadvisor.server.RuleSets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A server answering with the rules bundled in the jar: the coach page says so (not a folder), explains how
 * to start with a folder, still checks and compares an upload, and never puts one into service.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, properties = {"equityadvisor.rules=bundled", "equityadvisor.watch=false",
        "equityadvisor.users=src/test/resources/server/users.yaml", "spring.datasource.url=jdbc:h2:mem:coachbundled;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class CoachBundledPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RuleSets ruleSets;

    MockHttpSession signIn(String user) throws Exception {
        return FormSessions.signIn(mvc, user);
    }

    @Test
    void theCoachPageSaysTheRulesAreBundledAndHowToStartWithAFolder() throws Exception {
        String page = mvc.perform(get("/coach").session(signIn("cora"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The rules bundled in the program (the rules bundled with equity-advisor")
                .contains("serve --rules FOLDER").doesNotContain("Optional").doesNotContain("Check the rules on disk and reload them");
    }

    @Test
    void anUploadIsCheckedAndComparedButNeverPutIntoService() throws Exception {
        MockHttpSession cora = signIn("cora");
        String token = CoachPagesTest.token(mvc.perform(get("/coach").session(cora)).andReturn());
        String page = mvc.perform(multipart("/coach/upload").file(new MockMultipartFile("ruleset", "copy.zip", "application/zip",
                CoachPagesTest.zip(Map.of()))).param("_csrf", token).session(cora)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The check passed").contains("cannot put another set into service").doesNotContain("Put into service</button>");

        String before = ruleSets.active().kb().hash();
        MvcResult install = mvc.perform(post("/api/rules/install").header("Authorization", CoachPagesTest.basic("ada")).contentType("application/zip")
                .content(CoachPagesTest.reweighed("0.55"))).andReturn();
        assertThat(install.getResponse().getStatus()).isEqualTo(409);
        assertThat(install.getResponse().getContentAsString()).contains("--rules DIR");
        assertThat(ruleSets.active().kb().hash()).isEqualTo(before).isEqualTo(KnowledgeBase.bundledHash().orElseThrow());
    }
}
