package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. Exit codes (docs/cli.md): 0 success; 1 a check or test found problems, or the rules
 * are broken; 2 bad input or usage; 3 an internal error (a bug: please report it).
 */
@Command(name = "equity-advisor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Explained, rule-based digital-equity advice for K-12 districts.",
        subcommands = {AdviseCommand.class, ExplainCommand.class, PlanCommand.class, RulesCommand.class, ServeCommand.class,
                InitCommand.class, ImportCommand.class, BatchCommand.class, RollupCommand.class, SchemaCommand.class, HashPasswordCommand.class, BenchCommand.class,
                SpreadCommand.class,
                CompletionCommand.class, TrainCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given writers; returns the exit code. Used by main and by tests. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            if (e instanceof InputException) {
                w.println(e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof RuleSetException) {
                w.println(e.getMessage());
                return FINDINGS;
            }
            w.println("Internal error: " + e + " (this is a bug; please report it with the command you ran)");
            if (System.getenv("EQUITY_ADVISOR_DEBUG") != null) {
                e.printStackTrace(w);
            }
            return INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String rules;
            if (Files.isDirectory(RulesOption.DEFAULT)) {
                rules = "rules in ./rules: " + KnowledgeBase.hashOf(RulesOption.DEFAULT);
            } else {
                rules = KnowledgeBase.bundledHash().map(h -> "bundled rules: " + h).orElse("no rules bundled");
            }
            return new String[] {"equity-advisor " + KnowledgeBase.version(), rules,
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
