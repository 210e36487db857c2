package org.equityadvisor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in with HTTP Basic against the users file, no sessions or cookies (so no CSRF token to carry), and
 * the roles of the issue: leaders work on plans, coaches on rules, state coordinators read their states' plans,
 * admins on everything. Which district's
 * plans a leader may see is decided in the controllers, where the plan is known. Failed sign-ins are
 * throttled per name and per address; every answer carries a strict Content-Security-Policy,
 * Referrer-Policy and X-Content-Type-Options; bodies over the size limit are refused before they are read.
 */
@Configuration
class Security {

    /** Pages load only this server's own scripts, styles and images: no inline script, no framing, no form posted elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    RememberingEncoder passwordEncoder() {
        return new RememberingEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (tens of milliseconds).
     * A password once verified is remembered, as a SHA-256 of it and its hash, never in clear, so each request
     * after the first costs a hash lookup instead of a bcrypt round. A wrong password, or an unknown user
     * (checked against a dummy bcrypt hash), always costs the full bcrypt round.
     */
    static final class RememberingEncoder implements PasswordEncoder {
        private static final int MAX = 10_000;
        private final PasswordEncoder delegate;
        private final Set<String> verified = ConcurrentHashMap.newKeySet();

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
            if (remembers(raw, encoded)) {
                return true;
            }
            boolean ok = delegate.matches(raw, encoded);
            if (ok) {
                if (verified.size() >= MAX) {
                    verified.clear();
                }
                verified.add(key(raw, encoded));
            }
            return ok;
        }

        /** True when this password was verified against this hash before. */
        boolean remembers(CharSequence raw, String encoded) {
            return verified.contains(key(raw, encoded));
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }

        private static String key(CharSequence raw, String encoded) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((raw + "\u0000" + encoded).getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
        }
    }

    @Bean
    SignInThrottle signInThrottle(@Value("${equityadvisor.sign-in.failures-per-user}") int perUser,
            @Value("${equityadvisor.sign-in.failures-per-address}") int perAddress, @Value("${equityadvisor.sign-in.window}") Duration window) {
        return new SignInThrottle(perUser, perAddress, window);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, Accounts accounts, RememberingEncoder encoder, SignInThrottle throttle,
            Limits limits, @Value("${equityadvisor.public-api-docs}") boolean publicApiDocs) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        String[] apiDocs = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(throttle.guard(passwords, accounts, encoder)))
                .addFilterBefore(new BodyLimit(limits.bodyBytes(), json), BasicAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> {
                    if (e instanceof SignInThrottle.Refused refused) {
                        res.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
                        Problems.write(res, json, 429, "Too many failed sign-ins", "Too many wrong passwords for this user or from this address: try again in "
                                + refused.retryAfterSeconds() + " seconds.", Map.of());
                    } else {
                        res.setHeader("WWW-Authenticate", "Basic realm=\"equity-advisor\"");
                        Problems.write(res, json, 401, "Sign-in required", "Send a user name and password (HTTP Basic).", Map.of());
                    }
                }))
                .exceptionHandling(x -> x.accessDeniedHandler((req, res, e) -> Problems.write(res, json, 403, "Forbidden",
                        "Your role may not use " + req.getMethod() + " " + req.getRequestURI() + ".", Map.of())))
                .authorizeHttpRequests(a -> {
                    // A calendar application cannot sign in: the feed's token is its key (CalendarFeeds).
                    a.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/calendar/*.ics").permitAll();
                    if (publicApiDocs) {
                        a.requestMatchers(apiDocs).permitAll();
                    }
                    a.requestMatchers("/api/rules", "/api/rules/**").hasAnyRole("COACH", "ADMIN")
                            // A state coordinator reads plans of their state; the controllers check which.
                            .requestMatchers(HttpMethod.GET, "/api/plans", "/api/plans/**").hasAnyRole("LEADER", "COORDINATOR", "ADMIN")
                            .requestMatchers("/api/plans", "/api/plans/**").hasAnyRole("LEADER", "ADMIN")
                            .requestMatchers("/api/states/**").hasAnyRole("COORDINATOR", "ADMIN")
                            .requestMatchers(HttpMethod.GET, "/api/framework").authenticated()
                            .requestMatchers(HttpMethod.POST, "/api/advice").authenticated()
                            .requestMatchers("/actuator/**").hasAnyRole("COACH", "ADMIN")
                            .anyRequest().authenticated();
                });
        return http.build();
    }
}
