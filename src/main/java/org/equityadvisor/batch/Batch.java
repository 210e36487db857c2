package org.equityadvisor.batch;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.imports.StateImport;
import org.equityadvisor.knowledge.YamlDocument;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.SuggestedGoal;

/**
 * Advice for many districts at once: a folder of assessments, a state's collection, or the public figures
 * of a state or the whole country. Runs on every core; writes, in the input's order whatever the threads
 * do, one advice JSON per line ({@code advice.jsonl}), one summary row per district ({@code summary.csv})
 * and one row per rejected input with its reason ({@code rejected.csv}). A rejected input never stops the run.
 *
 * <pre>{@code
 * Batch.Report r = new Batch(new Advisor(kb), 2).run(Batch.publicFigures(PublicFigures.bundled().inState("IL")), out, Batch.Progress.NONE);
 * }</pre>
 */
public final class Batch {

    public static final String ADVICE = "advice.jsonl";
    public static final String SUMMARY = "summary.csv";
    public static final String REJECTED = "rejected.csv";
    /** Goals named in the summary's top_goals column. */
    static final int TOP_GOALS = 3;
    /** Results waiting to be written, per thread: bounds memory while keeping the cores busy. */
    private static final int WINDOW_PER_THREAD = 16;
    private static final int REJECTIONS_KEPT = 100;
    private static final ObjectWriter LINE = AdviceWriter.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);
    /** Quotes a cell only when it must (a comma, a quote, a line break), so the summary reads plainly. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    /**
     * One input: a key that names it in every output (an NCES id, a state id, a file's path), and either the
     * assessment to advise (read when a thread takes it up) or the reason it was rejected before that.
     */
    public record Item(String key, Supplier<Assessment> assessment, String rejection, List<String> warnings) {

        public Item {
            Objects.requireNonNull(key, "key");
            warnings = List.copyOf(warnings);
        }

        public static Item of(String key, Supplier<Assessment> assessment) {
            return new Item(key, assessment, null, List.of());
        }

        public static Item rejected(String key, String reason) {
            return new Item(key, null, reason, List.of());
        }
    }

    /** Where items come from: a source hands each to the sink, in order. */
    public interface Source {
        /** How many items there will be, or -1 when not known in advance. */
        long size();

        void feed(Consumer<Item> sink);
    }

    /** What a run reports as it goes, in input order (a progress bar, a log). */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void started(long total) {
        }

        default void done(long count) {
        }

        default void rejected(String key, String reason) {
        }

        default void warned(String key, String warning) {
        }
    }

    /** A finished run. */
    public record Report(long items, long advised, long rejected, List<String> firstRejections, Duration elapsed, String ruleSet) {

        public Report {
            firstRejections = List.copyOf(firstRejections);
        }

        public double perSecond() {
            return elapsed.isZero() ? 0 : advised / (elapsed.toNanos() / 1e9);
        }
    }

    private final Advisor advisor;
    private final int threads;

    public Batch(Advisor advisor, int threads) {
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    /** Every assessment file (.yaml, .yml, .json) under a folder, by path; a scenario's expectations are ignored. */
    public static Source folder(Path dir, AssessmentReader reader) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).*\\.(ya?ml|json)$")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir.toString(), new Problem(dir.toString(), "cannot be read: " + e.getMessage()));
        }
        return new Source() {
            @Override
            public long size() {
                return files.size();
            }

            @Override
            public void feed(Consumer<Item> sink) {
                for (Path f : files) {
                    sink.accept(Item.of(dir.relativize(f).toString().replace('\\', '/'), () -> reader.read(
                            YamlDocument.parse(f.toString(), AssessmentReader.text(f)), java.util.Set.of("name", "description", "expect"))));
                }
            }
        };
    }

    /** The starter assessments of public figures, by NCES id; a placeholder row with no children is rejected. */
    public static Source publicFigures(List<PublicFigures.DistrictFigures> districts) {
        PublicFigures table = PublicFigures.bundled();
        return new Source() {
            @Override
            public long size() {
                return districts.size();
            }

            @Override
            public void feed(Consumer<Item> sink) {
                districts.forEach(d -> sink.accept(Item.of(d.leaid(), () -> table.starter(d))));
            }
        };
    }

    /** A state's collection read through its mapping, by the state's district id (or the line, for a row without one). */
    public static Source state(StateImport state, Path csv) {
        return new Source() {
            @Override
            public long size() {
                return -1;
            }

            @Override
            public void feed(Consumer<Item> sink) {
                state.read(csv, row -> {
                    String key = row.id() != null ? row.id() : csv.getFileName() + ":" + row.line();
                    List<String> warnings = row.warnings().stream().map(w -> csv.getFileName() + ":" + row.line() + ": " + w).toList();
                    sink.accept(row.rejected() ? Item.rejected(key, csv.getFileName() + ":" + row.line() + ": " + row.rejection())
                            : new Item(key, row::assessment, null, warnings));
                });
            }
        };
    }

    /**
     * Advises every item of the source and writes the three files into {@code out}.
     *
     * @throws UncheckedIOException when an output file cannot be written
     */
    public Report run(Source source, Path out, Progress progress) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "batch-advice");
            t.setDaemon(true);
            return t;
        });
        try {
            Files.createDirectories(out);
            try (Writer advice = writer(out.resolve(ADVICE)); Writer summaryFile = writer(out.resolve(SUMMARY)); Writer rejectedFile = writer(out.resolve(REJECTED));
                    SequenceWriter summary = CSV.writerFor(String[].class).writeValues(summaryFile);
                    SequenceWriter rejected = CSV.writerFor(String[].class).writeValues(rejectedFile)) {
                summary.write(new String[] {"input", "district", "top_goals", "gaps", "data_gaps", "rule_set"});
                rejected.write(new String[] {"input", "reason"});
                Output output = new Output(advice, summary, rejected, progress);
                progress.started(source.size());
                Deque<Future<Outcome>> window = new ArrayDeque<>();
                source.feed(item -> {
                    window.add(pool.submit(() -> outcome(item)));
                    while (window.size() >= threads * WINDOW_PER_THREAD) {
                        output.write(take(window));
                    }
                });
                while (!window.isEmpty()) {
                    output.write(take(window));
                }
                return new Report(output.items, output.advised, output.rejectedCount, output.firstRejections, Duration.ofNanos(System.nanoTime() - start),
                        advisor.knowledgeBase().hash());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static Outcome take(Deque<Future<Outcome>> window) {
        try {
            return window.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch worker failed", e.getCause());
        }
    }

    /** One item's result, computed on a worker thread: the two output lines, or the reason it was rejected. */
    private record Outcome(Item item, String adviceLine, String[] summaryRow, String rejection) {
    }

    private Outcome outcome(Item item) {
        if (item.rejection() != null) {
            return new Outcome(item, null, null, item.rejection());
        }
        try {
            Advice advice = advisor.advise(item.assessment().get());
            // The advice JSON with "input" as its first field: written once, not built as a tree and written again.
            String json = LINE.writeValueAsString(advice);
            String line = "{\"input\":" + LINE.writeValueAsString(item.key()) + (json.length() > 2 ? "," : "") + json.substring(1);
            return new Outcome(item, line, summary(item.key(), advice), null);
        } catch (InputException e) {
            return new Outcome(item, null, null, e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
        } catch (IOException | RuntimeException e) {
            // A bug must not stop a state-wide run; it is reported against its input so it can be reproduced.
            return new Outcome(item, null, null, "internal error (a bug, please report it): " + e);
        }
    }

    static String[] summary(String key, Advice advice) {
        String goals = advice.goals().stream().limit(TOP_GOALS).map(SuggestedGoal::id).collect(Collectors.joining(" "));
        String gaps = advice.findings().stream().filter(f -> Finding.GAP.equals(f.kind()))
                .map(f -> f.id() + (f.group() == null || "all".equals(f.group()) ? "" : "/" + f.group())).distinct().collect(Collectors.joining(" "));
        String dataGaps = advice.findings().stream().filter(f -> Finding.DATA_GAP.equals(f.kind())).map(Finding::id).distinct()
                .collect(Collectors.joining(" "));
        return new String[] {key, advice.district(), goals, gaps, dataGaps, advice.ruleSet()};
    }

    /** Writes outcomes in input order; only the calling thread touches it. */
    private static final class Output {
        private final Writer advice;
        private final SequenceWriter summary;
        private final SequenceWriter rejected;
        private final Progress progress;
        private final List<String> firstRejections = new ArrayList<>();
        private long items;
        private long advised;
        private long rejectedCount;

        Output(Writer advice, SequenceWriter summary, SequenceWriter rejected, Progress progress) {
            this.advice = advice;
            this.summary = summary;
            this.rejected = rejected;
            this.progress = progress;
        }

        void write(Outcome o) {
            try {
                items++;
                String key = o.item().key();
                o.item().warnings().forEach(w -> progress.warned(key, w));
                if (o.rejection() != null) {
                    rejectedCount++;
                    rejected.write(new String[] {key, o.rejection()});
                    if (firstRejections.size() < REJECTIONS_KEPT) {
                        firstRejections.add(key + ": " + o.rejection());
                    }
                    progress.rejected(key, o.rejection());
                } else {
                    advised++;
                    advice.write(o.adviceLine());
                    advice.write('\n');
                    summary.write(o.summaryRow());
                }
                progress.done(items);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
