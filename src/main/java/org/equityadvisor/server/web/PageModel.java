package org.equityadvisor.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every page shows: who is signed in and with which role, and the page's own path for the language switch. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Web web;

    PageModel(Web web) {
        this.web = web;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("role")
    String role(Principal principal) {
        if (principal == null) {
            return "";
        }
        return web.me(principal).role().name();
    }

    @ModelAttribute("userName")
    String userName(Principal principal) {
        return principal == null ? "" : principal.getName();
    }
}
