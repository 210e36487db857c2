package org.equityadvisor.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A server with the guards set tight enough to reach in a test: users with real bcrypt hashes (no {noop}),
 * 3 failed sign-ins per name and 6 per address, 3 plans and 1 MB per district; the API document at its
 * default, behind sign-in. The test classes of these guards share this one server.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.watch=false",
        "equityadvisor.users=src/test/resources/server/bcrypt-users.yaml", "equityadvisor.allow-noop-passwords=false",
        "equityadvisor.sign-in.failures-per-user=3", "equityadvisor.sign-in.failures-per-address=6", "equityadvisor.sign-in.window=1h",
        "equityadvisor.quota.plans-per-district=3", "equityadvisor.quota.bytes-per-district=1MB",
        "spring.datasource.url=jdbc:h2:mem:guarded;DB_CLOSE_DELAY=-1"})
@interface GuardedServer {

    /** The password of every user of bcrypt-users.yaml. */
    String PASSWORD = "correct horse battery staple";
}
