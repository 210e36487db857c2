package org.equityadvisor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.server.EquityAdvisorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Print a password's {bcrypt} hash for the users file of serve (password: \"{bcrypt}…\").",
                "At a terminal it asks twice without echo; otherwise it reads the first line of standard input."})
final class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        char[] password = read();
        try {
            spec.commandLine().getOut().println(EquityAdvisorServer.hashPassword(new String(password)));
        } finally {
            Arrays.fill(password, '\0');
        }
        return Main.OK;
    }

    private static char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("The same again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new InputException("password", new Problem("password", "the two entries differ (or input ended): nothing was hashed"));
            }
            Arrays.fill(again, '\0');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
