package org.equityadvisor.server;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Limits password guessing: each user name and each client address may fail to sign in only so often
 * (a token bucket from Bucket4j: a burst, then a steady trickle over the window); past that, sign-in
 * answers 429 with Retry-After without checking the password at all. An attempt takes a token from both
 * buckets before the password is checked and gives them back when it was right, so only failures count,
 * and attempts running at once cannot overdraw. A name and password already verified in this process (every
 * HTTP Basic request sends them again) pass without a token: someone guessing a leader's password does not
 * lock that leader out.
 */
final class SignInThrottle {

    /** The most names or addresses tracked at once; beyond that, new ones share one bucket. */
    private static final int MAX_KEYS = 100_000;

    /** Sign-in refused for now: wait {@code retryAfterSeconds}. */
    static final class Refused extends AuthenticationException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Refused(long nanos) {
            super("too many failed sign-ins");
            this.retryAfterSeconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final Buckets users;
    private final Buckets addresses;

    SignInThrottle(int failuresPerUser, int failuresPerAddress, Duration window) {
        this.users = new Buckets(failuresPerUser, window);
        this.addresses = new Buckets(failuresPerAddress, window);
    }

    /** {@code checker}, behind the throttle; {@code known} tells a name and password this process has verified before. */
    AuthenticationProvider guard(AuthenticationProvider checker, Accounts accounts, Security.RememberingEncoder known) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String name = attempt.getName();
                Object password = attempt.getCredentials();
                boolean verifiedBefore = password != null && accounts.find(name).map(a -> known.remembers(password.toString(), a.getPassword())).orElse(false);
                if (verifiedBefore) {
                    return checker.authenticate(attempt);
                }
                String address = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
                Bucket byAddress = addresses.of(address);
                ConsumptionProbe a = byAddress.tryConsumeAndReturnRemaining(1);
                if (!a.isConsumed()) {
                    throw new Refused(a.getNanosToWaitForRefill());
                }
                Bucket byUser = users.of(name);
                ConsumptionProbe u = byUser.tryConsumeAndReturnRemaining(1);
                if (!u.isConsumed()) {
                    byAddress.addTokens(1);
                    throw new Refused(u.getNanosToWaitForRefill());
                }
                Authentication ok = checker.authenticate(attempt);
                if (ok != null && ok.isAuthenticated()) {
                    byAddress.addTokens(1);
                    byUser.addTokens(1);
                }
                return ok;
            }

            @Override
            public boolean supports(Class<?> type) {
                return checker.supports(type);
            }
        };
    }

    /** A bucket per key, forgotten once it has filled up again (a full bucket is the same as a new one). */
    private static final class Buckets {
        private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final int capacity;
        private final Duration window;

        Buckets(int capacity, Duration window) {
            if (capacity < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a sign-in limit needs at least 1 attempt over a positive window");
            }
            this.capacity = capacity;
            this.window = window;
        }

        Bucket of(String key) {
            Bucket bucket = buckets.get(key);
            if (bucket != null) {
                return bucket;
            }
            if (buckets.size() >= MAX_KEYS) {
                buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
                if (buckets.size() >= MAX_KEYS) {
                    key = "\u0000many";
                }
            }
            return buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
        }
    }
}
