package org.equityadvisor.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Sign-in for the web pages: a form, a session cookie and CSRF tokens on every form. HTTP Basic stays for
 * the API ({@link Security}), which this chain leaves alone, as it leaves the calendar feeds (their token is their key). The same users, password check, throttle and
 * headers serve both; which district a leader may see is decided in the page controllers, by id, as in the API.
 */
@Configuration
class PageSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain pageChain(HttpSecurity http, Accounts accounts, Security.RememberingEncoder encoder, SignInThrottle throttle) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        http.securityMatcher(new NegatedRequestMatcher(new OrRequestMatcher(AntPathRequestMatcher.antMatcher("/api/**"),
                        AntPathRequestMatcher.antMatcher("/v3/**"), AntPathRequestMatcher.antMatcher("/swagger-ui*"),
                        AntPathRequestMatcher.antMatcher("/swagger-ui/**"), AntPathRequestMatcher.antMatcher("/actuator/**"),
                        AntPathRequestMatcher.antMatcher("/calendar/**"), AntPathRequestMatcher.antMatcher("/error"))))
                .authenticationManager(new ProviderManager(throttle.guard(passwords, accounts, encoder)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(Security.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(f -> f.loginPage("/login").failureHandler((req, res, e) ->
                        res.sendRedirect(req.getContextPath() + (e instanceof SignInThrottle.Refused ? "/login?throttled" : "/login?error"))).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .authorizeHttpRequests(a -> a.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/coach/**").hasAnyRole("COACH", "ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }
}
