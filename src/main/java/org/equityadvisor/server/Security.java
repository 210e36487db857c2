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
        return new RememberingEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (tens of milliseconds).
     * A password once verified is remembered, as a SHA-256 of it and its hash, never in clear, so each request
     * after the first costs a hash lookup instead of a bcrypt round.
     */
    static final class RememberingEncoder implements PasswordEncoder {
        private static final int MAX = 10_000;
        private final PasswordEncoder delegate;
        private final java.util.Set<String> verified = java.util.concurrent.ConcurrentHashMap.newKeySet();

        RememberingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            if (raw == null || encoded == null) {
                return false;
            }
            String key = digest(raw + "\u0000" + encoded);
            if (verified.contains(key)) {
                return true;
            }
            boolean ok = delegate.matches(raw, encoded);
            if (ok) {
                if (verified.size() >= MAX) {
                    verified.clear();
                }
                verified.add(key);
            }
            return ok;
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }

        private static String digest(String text) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
        }
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
