package org.equityadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.equityadvisor.batch.Batch;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.imports.StateImport;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Advice for many districts at once, on every core: a folder of assessments, a state's collection with its mapping, "
                + "or the public figures of a state or of every district (--public IL, --public all).",
            "Writes DIR/advice.jsonl (one advice JSON per line, in input order), DIR/summary.csv (district, top goals, gaps, data gaps, rule set) "
                + "and DIR/rejected.csv (each rejected input and why).",
            "Exit 1 when any input was rejected, 2 for bad input."})
final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..1", description = "a folder of assessments, or a state's CSV (with --mapping)")
    Path input;

    @Option(names = "--mapping", paramLabel = "FILE", description = "the state CSV's mapping file")
    Path mapping;

    @Option(names = "--public", paramLabel = "STATE|all", description = "the public figures of a state (code or name) or of all 13,313 districts")
    String publicFigures;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write advice.jsonl, summary.csv and rejected.csv")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: one per core)")
    Integer threads;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        if ((input == null) == (publicFigures == null)) {
            throw new InputException("usage", new Problem("INPUT", "give a folder or a state CSV, or --public STATE|all (one of them)"));
        }
        KnowledgeBase kb = rules.load();
        Batch.Source source = source(kb);
        PrintWriter err = spec.commandLine().getErr();
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new InputException("usage", new Problem("--threads", n + " must be at least 1"));
        }
        Batch.Report report;
        try (Reporter reporter = new Reporter(err, Terminal.stderrIsTerminal())) {
            report = new Batch(Inputs.advisor(kb), n).run(source, out, reporter);
        }
        err.println(String.format(Locale.ROOT, "%,d inputs: %,d advised, %,d rejected%s; %.1f s on %d threads, %,.0f advices/s; rule set %s", report.items(),
                report.advised(), report.rejected(), report.rejected() > 0 ? " (each in " + out.resolve(Batch.REJECTED) + ")" : "",
                report.elapsed().toMillis() / 1000.0, n, report.perSecond(), report.ruleSet()));
        err.println("Wrote " + out.resolve(Batch.ADVICE) + " and " + out.resolve(Batch.SUMMARY));
        return report.rejected() > 0 ? Main.FINDINGS : Main.OK;
    }

    private Batch.Source source(KnowledgeBase kb) {
        if (publicFigures != null) {
            PublicFigures table = PublicFigures.bundled();
            List<PublicFigures.DistrictFigures> districts = publicFigures.equalsIgnoreCase("all") ? table.districts() : table.inState(publicFigures);
            if (districts.isEmpty()) {
                throw new InputException("--public", new Problem("--public", "'" + publicFigures + "' is not a state of the public figures: use a code ("
                        + String.join(", ", table.states()) + ") or all"));
            }
            return Batch.publicFigures(districts);
        }
        if (Files.isDirectory(input)) {
            if (mapping != null) {
                throw new InputException("usage", new Problem("--mapping", "is for a state CSV, not a folder of assessments"));
            }
            return Batch.folder(input, new AssessmentReader(kb));
        }
        if (!Files.isRegularFile(input)) {
            throw new InputException(input.toString(), new Problem(input.toString(), "no such file or folder"));
        }
        if (mapping == null) {
            throw new InputException("usage", new Problem("--mapping", "a state CSV needs its mapping file (see docs/data-imports.md)"));
        }
        return Batch.state(StateImport.withMapping(mapping, kb), input);
    }

    /** Reports on stderr as the run goes: a progress bar on a terminal, and every rejection and warning. */
    private static final class Reporter implements Batch.Progress, AutoCloseable {
        private final PrintWriter err;
        private final boolean terminal;
        private ProgressBar bar;

        Reporter(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void started(long total) {
            if (terminal) {
                bar = new ProgressBarBuilder().setTaskName("Advising").setInitialMax(total).setUnit(" districts", 1).showSpeed()
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
            }
        }

        @Override
        public void done(long count) {
            if (bar != null) {
                bar.stepTo(count);
            }
        }

        @Override
        public void rejected(String key, String reason) {
            line("Rejected " + key + ": " + reason);
        }

        @Override
        public void warned(String key, String warning) {
            line("Warning " + warning);
        }

        private void line(String text) {
            // On a terminal, clear the bar's line first; it redraws itself on the next line.
            err.println(bar != null ? "\r\u001b[K" + text : text);
            err.flush();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Whether stderr is a terminal (Java 17 cannot ask directly): Linux's /proc, else the JVM's console. */
    static final class Terminal {
        private Terminal() {
        }

        static boolean stderrIsTerminal() {
            return isTerminal(2);
        }

        /**
         * How wide text output may be: $COLUMNS when the shell exports it, else the terminal's width ({@code stty size})
         * when stdout is a terminal, else {@code fallback}. Output to a file or a pipe keeps the fallback, so it does not
         * depend on the window it was made in.
         */
        static int columns(int fallback) {
            String env = System.getenv("COLUMNS");
            if (env != null && env.matches("\\d{1,4}")) {
                return Integer.parseInt(env);
            }
            if (!isTerminal(1) || !Files.exists(Path.of("/dev/tty"))) {
                return fallback;
            }
            try {
                Process stty = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String size = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
                return stty.waitFor() == 0 && size.matches("\\d+ \\d+") ? Integer.parseInt(size.split(" ")[1]) : fallback;
            } catch (IOException e) {
                return fallback;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fallback;
            }
        }

        private static boolean isTerminal(int descriptor) {
            Path fd = Path.of("/proc/self/fd/" + descriptor);
            try {
                if (Files.exists(fd)) {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return System.console() != null;
            }
            return System.console() != null;
        }
    }
}
