package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The pages' slice tests sign in and post forms as a browser does: the page's CSRF token, then the form post. */
final class FormSessions {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private FormSessions() {
    }

    /** Signs in through the form (test users' password convention: name-pass) and checks it landed home. */
    static MockHttpSession signIn(MockMvc mvc, String user) throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = token(mvc.perform(get("/login").session(session)).andReturn());
        MvcResult result = mvc.perform(post("/login").session(session).param("username", user).param("password", user + "-pass").param("_csrf", token))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("signing in as " + user).isEqualTo("/");
        return session;
    }

    static String token(MvcResult page) throws Exception {
        Matcher m = CSRF.matcher(page.getResponse().getContentAsString());
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    /** A page that must answer 200, as text. */
    static String page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).session(session)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    /** A form post with the CSRF token of {@code formPage} (one token per session). */
    static MvcResult submit(MockMvc mvc, MockHttpSession session, String formPage, MockHttpServletRequestBuilder post) throws Exception {
        String token = token(mvc.perform(get(formPage).session(session)).andReturn());
        return mvc.perform(post.session(session).param("_csrf", token)).andReturn();
    }
}
