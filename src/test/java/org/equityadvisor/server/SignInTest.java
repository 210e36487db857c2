package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Password guessing is limited: 3 failed sign-ins per user name and 6 per client address here (the defaults
 * are 10 and 100 over 10 minutes), then 429 with Retry-After; an unknown name costs a bcrypt round like a
 * known one (the users have real bcrypt hashes: no {noop} answers faster). Each test signs in from
 * addresses of its own in 127.0.0.0/8, so the tests do not share buckets.
 */
@GuardedServer
class SignInTest extends ServerTest {

    private static final String PASSWORD = GuardedServer.PASSWORD;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A loopback address no other request of these tests came from. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "127.0." + (10 + n / 250) + "." + (1 + n % 250);
    }

    private Response signIn(String from, String user, String password) {
        return raw(from, "GET /api/framework HTTP/1.1\r\n" + basic(user, password), new byte[0]);
    }

    @Test
    void guessingOnePasswordIsRefusedWith429AfterThreeFailuresWhereverTheGuessesComeFrom() {
        assertThat(signIn(newAddress(), "otto", "wrong-1").status()).isEqualTo(401);
        assertThat(signIn(newAddress(), "otto", "wrong-2").status()).isEqualTo(401);
        assertThat(signIn(newAddress(), "otto", PASSWORD).status()).as("a success is not a failure").isEqualTo(200);
        assertThat(signIn(newAddress(), "ana", "wrong-1").status()).isEqualTo(401);
        assertThat(signIn(newAddress(), "ana", "wrong-2").status()).isEqualTo(401);
        assertThat(signIn(newAddress(), "ana", "wrong-3").status()).isEqualTo(401);

        Response refused = signIn(newAddress(), "ana", "wrong-4");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("try again in " + refused.header("Retry-After") + " seconds");
        assertThat(signIn(newAddress(), "ana", PASSWORD).status()).as("not even checked").isEqualTo(429);
        assertThat(signIn(newAddress(), "ben", PASSWORD).status()).as("another user is not held up").isEqualTo(200);
    }

    @Test
    void aSignedInUserKeepsWorkingWhileSomeoneGuessesTheirPassword() {
        String mine = newAddress();
        assertThat(signIn(mine, "lee", PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(newAddress(), "lee", "guess-" + i).status()).isEqualTo(401);
        }
        assertThat(signIn(newAddress(), "lee", "guess-3").status()).isEqualTo(429);

        assertThat(signIn(mine, "lee", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void oneAddressGuessingManyNamesIsRefusedAfterSixFailures() {
        String attacker = newAddress();
        for (int i = 0; i < 6; i++) {
            assertThat(signIn(attacker, "nobody-" + UUID.randomUUID(), "guess").status()).isEqualTo(401);
        }

        Response refused = signIn(attacker, "nobody-" + UUID.randomUUID(), "guess");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(signIn(attacker, "ada", PASSWORD).status()).as("a first sign-in from that address waits too").isEqualTo(429);
        assertThat(signIn(newAddress(), "ada", PASSWORD).status()).isEqualTo(200);
    }

    /**
     * Not a timing threshold: a failed sign-in of a known name (dan, here for this test only) and of unknown
     * names each takes at least half a bcrypt check. Minimums of several tries, after warming bcrypt up, so a
     * busy machine makes neither side look cheaper.
     */
    @Test
    void anUnknownNameCostsABcryptRoundLikeAKnownOne() {
        String hash = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(10));
        long bcrypt = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            BCrypt.checkpw("wrong", hash);
            if (i >= 5) {
                bcrypt = Math.min(bcrypt, System.nanoTime() - start);
            }
        }
        long known = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            known = Math.min(known, failedSignInNanos("dan"));
            unknown = Math.min(unknown, failedSignInNanos("nobody-" + UUID.randomUUID()));
        }
        String figures = "known name " + known / 1_000_000 + " ms, unknown name " + unknown / 1_000_000 + " ms, a bcrypt check " + bcrypt / 1_000_000 + " ms";
        assertThat(known).as(figures).isGreaterThan(bcrypt / 2);
        assertThat(unknown).as(figures).isGreaterThan(bcrypt / 2);
    }

    private long failedSignInNanos(String user) {
        long start = System.nanoTime();
        Response r = signIn(newAddress(), user, "wrong-" + UUID.randomUUID());
        long took = System.nanoTime() - start;
        assertThat(r.status()).isEqualTo(401);
        return took;
    }
}
