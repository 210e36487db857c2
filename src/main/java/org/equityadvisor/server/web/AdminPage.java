package org.equityadvisor.server.web;

import org.equityadvisor.model.InputException;
import org.equityadvisor.server.Accounts;
import org.equityadvisor.server.UserStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins: the users, adding one, and changing a user's role, districts, states or password. Stored in the database. */
@Controller
class AdminPage {

    private final UserStore users;

    AdminPage(UserStore users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String show(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Accounts.Role.values());
        return "admin";
    }

    @PostMapping("/admin/users")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "LEADER") String role,
            @RequestParam(defaultValue = "") String districts, @RequestParam(defaultValue = "") String states, RedirectAttributes redirect) {
        try {
            users.save(name, password, role, districts, states);
        } catch (InputException e) {
            redirect.addFlashAttribute("errors", e.problems().stream().map(Views.FieldError::of).toList());
            redirect.addFlashAttribute("form", java.util.Map.of("name", name, "role", role, "districts", districts, "states", states));
            return "redirect:/admin/users";
        }
        redirect.addFlashAttribute("saved", "saved.user");
        redirect.addFlashAttribute("savedName", name.strip());
        return "redirect:/admin/users";
    }

}
