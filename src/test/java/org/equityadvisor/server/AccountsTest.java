package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.equityadvisor.model.InputException;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class AccountsTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstStartCreatesOneAdminPrintsItsPasswordOnceAndKeepsOnlyTheHash() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Accounts first = Accounts.load(null, tmp.resolve("data"), new PrintStream(printed, true, StandardCharsets.UTF_8), false);

        String line = printed.toString(StandardCharsets.UTF_8);
        assertThat(line).startsWith("First start: created user 'admin' with password ");
        String password = line.split("with password ")[1].split(" ")[0];
        String file = Files.readString(tmp.resolve("data/users.yaml"));
        assertThat(file).contains("{bcrypt}").doesNotContain(password);
        var admin = (Accounts.Account) first.loadUserByUsername("admin");
        assertThat(admin.role()).isEqualTo(Accounts.Role.ADMIN);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(password, admin.getPassword())).isTrue();

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Accounts.load(null, tmp.resolve("data"), new PrintStream(again, true, StandardCharsets.UTF_8), false);
        assertThat(again.size()).as("the password is printed only once").isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("data")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("data/users.yaml")))).as("the hash is the owner's only")
                .isEqualTo("rw-------");
    }

    @Test
    void aBrokenUsersFileNamesEveryProblem() {
        Path file = tmp.resolve("users.yaml");
        Fixtures.write(file, """
                - { name: maria, password: secret, role: LEADER, districts: [0612345] }
                - { name: sam, password: "{noop}x", role: BOSS, team: blue }
                - { name: stella, password: "{noop}x", role: COORDINATOR }
                - { name: oren, password: "{noop}x", role: COORDINATOR, states: [Oregon] }
                """);

        assertThatThrownBy(() -> Accounts.read(file, true)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.problems()).extracting(p -> p.place().replace(file.toString(), "users.yaml") + " " + p.message()).contains(
                        "users.yaml: [0].password must be a {bcrypt} hash: make one with 'equity-advisor hash-password'",
                        "users.yaml: [0].districts write district ids in quotes, e.g. \"0612345\": unquoted, YAML read this one as the number 201957",
                        "users.yaml: [1].role 'BOSS' is not one of LEADER, COACH, COORDINATOR, ADMIN",
                        "users.yaml: [1].team unknown field (name, password, role, districts, states)",
                        "users.yaml: [2].states a state coordinator needs at least one state, e.g. states: [IL]",
                        "users.yaml: [3].states 'Oregon' is not a two-letter state code, e.g. IL"));
    }

    @Test
    void noopPasswordsInClearAreRefusedOutsideTestsWithTheWayToAHash() {
        Path file = tmp.resolve("users.yaml");
        Fixtures.write(file, "- { name: maria, password: \"{noop}maria-pass\", role: LEADER, districts: [\"0612345\"] }\n");

        assertThatThrownBy(() -> Accounts.read(file, false)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.place()).endsWith("[0].password");
                    assertThat(p.message()).contains("{noop}", "only tests", "equity-advisor hash-password");
                }));
        assertThat(Accounts.read(file, true).size()).isEqualTo(1);
    }

    @Test
    void aLeaderServesItsDistrictsByIdAndNeverByName() {
        Path file = tmp.resolve("users.yaml");
        Fixtures.write(file, "- { name: maria, password: \"" + EquityAdvisorServer.hashPassword("maria-pass") + "\", role: LEADER, districts: [\"0612345\"] }\n");

        var maria = (Accounts.Account) Accounts.read(file, false).loadUserByUsername("maria");

        assertThat(maria.serves("0612345")).isTrue();
        assertThat(maria.serves("0699999")).isFalse();
        assertThat(maria.serves(null)).isFalse();
    }
}
