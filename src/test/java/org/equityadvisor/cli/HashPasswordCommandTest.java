package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Users make their password's hash with hash-password, since serve refuses {noop} passwords in clear. */
class HashPasswordCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
            assertThat(out + err.toString()).as("users never see a stack trace").doesNotContain("\tat org.");
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void printsABcryptHashOfTheFirstLineOfStandardInputForTheUsersFile() {
        Run first = run("a long and secret phrase\nignored\n", "hash-password");
        Run second = run("a long and secret phrase\n", "hash-password");

        assertThat(first.code()).as(first.err()).isZero();
        String hash = first.out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").hasSize("{bcrypt}".length() + 60);
        assertThat(BCrypt.checkpw("a long and secret phrase", hash.substring("{bcrypt}".length()))).isTrue();
        assertThat(second.out().strip()).as("salted: never the same twice").isNotEqualTo(hash);
    }

    @Test
    void refusesAnEmptyPasswordAndOneLongerThanBcryptReads() {
        Run empty = run("\n", "hash-password");
        Run tooLong = run("x".repeat(73) + "\n", "hash-password");

        assertThat(empty.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(empty.err()).contains("password: is empty");
        assertThat(tooLong.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(tooLong.err()).contains("73 bytes long; bcrypt takes at most 72 bytes");
        assertThat(empty.out() + tooLong.out()).isEmpty();
    }

    @Test
    void serveRefusesNoopPasswordsAndSaysHowToMakeAHash() {
        Path users = tmp.resolve("users.yaml");
        Fixtures.write(users, "- { name: maria, password: \"{noop}maria-pass\", role: ADMIN }\n");

        Run run = run("", "serve", "--users", users.toString(), "--data", tmp.resolve("data").toString(), "--port", "0", "--no-watch", "--scenarios", "",
                "--equityadvisor.allow-noop-passwords=false");

        assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains(users + ": [0].password", "{noop}", "equity-advisor hash-password");
    }

    @Test
    void serveStillRefusesAMistypedOptionInsteadOfPassingItToSpring() {
        Run run = run("", "serve", "--prot=8080");

        assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("Unknown option: '--prot=8080'");
    }
}
