package org.equityadvisor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in with HTTP Basic against the users file, no sessions or cookies (so no CSRF token to carry), and
 * the roles of the issue: leaders work on plans, coaches on rules, admins on everything. Which district's
 * plans a leader may see is decided in the controllers, where the plan is known.
 */
@Configuration
class Security {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problem(res, json, 401, "Sign-in required",
                        "Send a user name and password (HTTP Basic).")))
                .exceptionHandling(x -> x.accessDeniedHandler((req, res, e) -> problem(res, json, 403, "Forbidden",
                        "Your role may not use " + req.getMethod() + " " + req.getRequestURI() + ".")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers("/api/rules", "/api/rules/**").hasAnyRole("COACH", "ADMIN")
                        .requestMatchers("/api/plans", "/api/plans/**").hasAnyRole("LEADER", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/framework").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/advice").authenticated()
                        .requestMatchers("/actuator/**").hasAnyRole("COACH", "ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    private static void problem(HttpServletResponse res, ObjectMapper json, int status, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        if (status == 401) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"equity-advisor\"");
        }
        json.writeValue(res.getOutputStream(), Map.of("type", "about:blank", "title", title, "status", status, "detail", detail));
    }
}
