package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.equityadvisor.model.Problem;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules that try to reach the operating system, the clock, randomness or the engine, written the way an
 * attacker would (issue 8): each must be refused, with the rule named, by the bytecode check alone - not
 * only by the lexical checker, which is there for friendly messages and can be fooled.
 */
class RuleSmugglingTest {

    private static final String HEAD = "package org.equityadvisor.rules;\n\nimport org.equityadvisor.model.*;\n";
    private static final String NAME = "Smuggler";

    @TempDir
    Path tmp;

    /** An attempt: extra imports, the rule's condition and its consequence. */
    private record Attempt(String label, String imports, String when, String then) {
        String drl() {
            return HEAD + imports + "\nrule \"" + NAME + "\"\n    @source(\"OET-ADEA-2022\")\n    @divide(\"ACCESS\")\n    agenda-group \"suggest\"\n"
                    + "when\n    " + when + "\nthen\n    " + then + "\nend\n";
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static Attempt then(String label, String code) {
        return new Attempt(label, "", "$g : Gap()", code);
    }

    private static Attempt when(String label, String constraint) {
        return new Attempt(label, "", "$g : Gap( " + constraint + " )", "insert( new Suggestion(\"AS-09\") );");
    }

    static List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>();
        // The bypasses of issue 8: Unicode escapes, an escaped quote and newline, a comment inside a name, reflection by name.
        all.add(then("Unicode escape in Runtime", "\\u0052untime.getRuntime().exec(\"touch /tmp/pwned\");"));
        all.add(then("Unicode escapes in java.io.FileWriter", "new java\\u002eio\\u002eFileWriter(\"/tmp/pwned\").close();"));
        all.add(then("escaped quote closes a string", "String s = \"a\\u0022; Runtime.getRuntime().exec(\\u0022id\\u0022); String t = \\u0022b\";"));
        all.add(then("escaped newline ends a comment", "// nothing here \\u000a Runtime.getRuntime().exec(\"id\");"));
        all.add(then("comment splits a qualified name", "new java/**/.io.FileWriter(\"/tmp/pwned\").close();"));
        all.add(then("comments and spaces split a qualified name", "java /* a */ . /* b */ lang . Runtime . getRuntime().exec(\"id\");"));
        all.add(then("reflection by name in a consequence",
                "Gap.class.getClassLoader().loadClass(\"java.lang.Run\" + \"time\").getMethod(\"getRuntime\").invoke(null);"));
        all.add(when("reflection by name in a constraint", "Gap.class.getClassLoader().loadClass(\"java.lang.Run\" + \"time\") != null"));
        all.add(then("escaped System", "\\u0053ystem.exit(0);"));
        all.add(then("escape with several u's", "\\uuuu0053ystem.exit(0);"));
        // Endless loops.
        all.add(then("while (true)", "while (true) { }"));
        all.add(then("for (;;)", "for (;;) { }"));
        all.add(then("do while", "int i = 0; do { i++; } while (i >= 0 || true);"));
        all.add(then("counting loop", "long n = 0; for (long i = 0; i < Long.MAX_VALUE; i++) { n += i; }"));
        all.add(then("endless stream iterate", "java.util.stream.Stream.iterate(0, i -> i + 1).count();"));
        all.add(then("endless stream generate", "java.util.stream.Stream.generate(() -> 1).count();"));
        all.add(then("endless IntStream iterate", "java.util.stream.IntStream.iterate(0, i -> i + 1).sum();"));
        // The clock.
        all.add(then("Clock.systemUTC", "long t = java.time.Clock.systemUTC().millis();"));
        all.add(then("Clock.systemDefaultZone", "java.time.Clock c = java.time.Clock.systemDefaultZone();"));
        all.add(then("LocalDate.now", "int y = java.time.LocalDate.now().getYear();"));
        all.add(then("Instant.now", "java.time.Instant i = java.time.Instant.now();"));
        all.add(then("LocalDateTime.now", "java.time.LocalDateTime d = java.time.LocalDateTime.now();"));
        all.add(when("LocalDate.now in a constraint", "java.time.LocalDate.now().getYear() > 2000"));
        all.add(then("System.currentTimeMillis", "long t = System.currentTimeMillis();"));
        all.add(then("System.nanoTime", "long t = System.nanoTime();"));
        all.add(then("ZoneId.systemDefault", "java.time.ZoneId z = java.time.ZoneId.systemDefault();"));
        all.add(then("TimeZone.getDefault", "java.util.TimeZone z = java.util.TimeZone.getDefault();"));
        // Randomness.
        all.add(then("Collections.shuffle", "java.util.List<String> l = new java.util.ArrayList<>(); java.util.Collections.shuffle(l);"));
        all.add(then("Math.random", "double r = Math.random();"));
        all.add(when("Math.random in a constraint", "Math.random() > 0.5"));
        all.add(then("new Random", "int r = new java.util.Random().nextInt();"));
        all.add(then("ThreadLocalRandom", "int r = java.util.concurrent.ThreadLocalRandom.current().nextInt();"));
        all.add(then("UUID.randomUUID", "String u = java.util.UUID.randomUUID().toString();"));
        all.add(then("SecureRandom", "byte[] b = new byte[4]; new java.security.SecureRandom().nextBytes(b);"));
        // Processes and the program.
        all.add(then("System.exit", "System.exit(1);"));
        all.add(then("Runtime.exec", "Runtime.getRuntime().exec(\"touch /tmp/pwned\");"));
        all.add(then("Runtime.halt", "Runtime.getRuntime().halt(0);"));
        all.add(then("fully qualified Runtime", "java.lang.Runtime.getRuntime().exec(\"id\");"));
        all.add(then("ProcessBuilder", "new ProcessBuilder(\"id\").start();"));
        all.add(then("ProcessHandle", "long pid = ProcessHandle.current().pid();"));
        all.add(then("method reference to Runtime",
                "java.util.function.Supplier<Runtime> s = Runtime::getRuntime; s.get().exec(\"id\");"));
        all.add(then("method reference to System.exit", "java.util.function.IntConsumer c = System::exit; c.accept(0);"));
        all.add(then("ModuleLayer.boot", "ModuleLayer layer = ModuleLayer.boot();"));
        all.add(then("ManagementFactory", "Object o = java.lang.management.ManagementFactory.getRuntimeMXBean();"));
        // The system.
        all.add(then("System.getenv", "String h = System.getenv(\"HOME\");"));
        all.add(when("System.getenv in a constraint", "System.getenv(\"HOME\") != null"));
        all.add(then("System.getProperty", "String h = System.getProperty(\"user.home\");"));
        all.add(then("System.setProperty", "System.setProperty(\"user.home\", \"/tmp\");"));
        all.add(then("System.out", "System.out.println(\"leak\");"));
        all.add(then("Integer.getInteger reads a property", "Integer i = Integer.getInteger(\"x\");"));
        all.add(then("Locale.setDefault", "java.util.Locale.setDefault(java.util.Locale.ROOT);"));
        // Threads.
        all.add(then("new Thread", "new Thread(() -> { }).start();"));
        all.add(then("Thread.sleep", "Thread.sleep(10_000);"));
        all.add(then("Executors", "java.util.concurrent.Executors.newSingleThreadExecutor();"));
        all.add(then("CompletableFuture", "java.util.concurrent.CompletableFuture.runAsync(() -> { });"));
        all.add(then("ForkJoinPool", "java.util.concurrent.ForkJoinPool.commonPool();"));
        all.add(then("parallel stream", "long n = java.util.List.of(1, 2).parallelStream().count();"));
        all.add(then("Timer", "new java.util.Timer();"));
        all.add(then("synchronized", "synchronized ($g) { insert( new Suggestion(\"AS-09\") ); }"));
        all.add(then("Object.wait", "$g.wait(1);"));
        // Files and network.
        all.add(then("FileWriter", "new java.io.FileWriter(\"/tmp/pwned\").close();"));
        all.add(then("File.delete", "new java.io.File(\"/tmp/pwned\").delete();"));
        all.add(then("Files.readString", "String s = java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));"));
        all.add(then("Files.delete", "java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/pwned\"));"));
        all.add(then("Socket", "new java.net.Socket(\"127.0.0.1\", 9).close();"));
        all.add(then("URL.openStream", "new java.net.URL(\"http://127.0.0.1:9/\").openStream();"));
        all.add(then("HttpClient", "java.net.http.HttpClient.newHttpClient();"));
        all.add(new Attempt("an import of FileWriter", "import java.io.FileWriter;\n", "$g : Gap()", "new FileWriter(\"/tmp/pwned\").close();"));
        // Reflection, class loaders, method handles.
        all.add(then("Class.forName", "Class.forName(\"java.lang.Runtime\");"));
        all.add(then("getClass().getMethod", "$g.getClass().getMethod(\"toString\").invoke($g);"));
        all.add(then("class literal getMethods", "Object[] m = String.class.getMethods();"));
        all.add(then("java.lang.reflect.Array", "Object a = java.lang.reflect.Array.newInstance(String.class, 1);"));
        all.add(then("context class loader", "ClassLoader l = Thread.currentThread().getContextClassLoader();"));
        all.add(then("system class loader", "ClassLoader l = ClassLoader.getSystemClassLoader();"));
        all.add(then("MethodHandles.lookup", "java.lang.invoke.MethodHandles.lookup();"));
        all.add(then("MethodHandles.publicLookup", "java.lang.invoke.MethodHandles.publicLookup();"));
        all.add(then("ServiceLoader", "java.util.ServiceLoader.load(Runnable.class);"));
        all.add(then("script engine", "new javax.script.ScriptEngineManager();"));
        // The engine behind the rules.
        all.add(then("drools.getKieRuntime", "drools.getKieRuntime().halt();"));
        all.add(then("kcontext", "kcontext.getKieRuntime().halt();"));
        return all;
    }

    static Stream<Arguments> corpus() {
        return attempts().stream().map(Arguments::of);
    }

    /** Compiles one DRL file as a whole rule set and runs the bytecode check, without the lexical checker. */
    private static List<Problem> structural(String drl) {
        RuleFiles files = new RuleFiles("attempt", new java.util.TreeMap<>(Map.of("extra.drl", drl.getBytes(StandardCharsets.UTF_8))));
        RuleInfo rule = new RuleInfo(NAME, "extra.drl", 5, RuleInfo.SUGGEST, List.of(), List.of(), null, List.of(), "", "");
        List<Problem> problems = new ArrayList<>();
        Object kieBase = RuleCompiler.compile(files, files.hash(), List.of(rule), problems, CompiledCache.off());
        assertThat(kieBase).as("the attempt must not compile into rules that can run").isNull();
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachSmugglingAttemptIsRefusedByTheBytecodeCheckWithTheRuleNamed(Attempt attempt) {
        List<String> problems = structural(attempt.drl()).stream().map(Problem::toString).toList();

        assertThat(problems).as(attempt.label()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("extra.drl:").contains("\"" + NAME + "\""));
    }

    @Test
    void theCorpusHoldsSixtyAttemptsOrMore() {
        assertThat(attempts()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void rulesCheckRefusesTheIssueBypassesNamingRuleFileAndLine() {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        StringBuilder drl = new StringBuilder(HEAD);
        String[] bypasses = {
            "\\u0052untime.getRuntime().exec(\"touch /tmp/pwned\");",
            "new java/**/.io.FileWriter(\"/tmp/pwned\").close();",
            "Gap.class.getClassLoader().loadClass(\"java.lang.Run\" + \"time\").getMethod(\"getRuntime\").invoke(null);",
            "java.util.Collections.shuffle(new java.util.ArrayList<String>());",
            "ModuleLayer layer = ModuleLayer.boot();",
        };
        for (int i = 0; i < bypasses.length; i++) {
            drl.append("\nrule \"Bypass ").append(i).append("\"\n    @source(\"OET-ADEA-2022\")\n    @divide(\"ACCESS\")\n    agenda-group \"suggest\"\n")
                    .append("when\n    $g : Gap()\nthen\n    ").append(bypasses[i]).append("\nend\n");
        }
        Fixtures.write(rules.resolve("extra.drl"), drl.toString());

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> KnowledgeBase.load(rules, CompiledCache.off()));

        assertThat(e).isNotNull();
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        // Each rule starts 10 lines after the previous one (the first at line 5); its consequence is 7 lines into it.
        assertThat(problems).contains(
                "extra.drl:12: rule \"Bypass 0\" calls java.lang.Runtime.getRuntime(): rules may not start processes or stop the program",
                "extra.drl:22: rule \"Bypass 1\" creates a java.io.FileWriter: rules may not read or write files",
                "extra.drl:32: rule \"Bypass 2\" calls java.lang.Class.getClassLoader(): rules may not use reflection, class loaders or method handles",
                "extra.drl:42: rule \"Bypass 3\" calls java.util.Collections.shuffle(): rules may not be random: the same input must give the same advice",
                "extra.drl:52: rule \"Bypass 4\" calls java.lang.ModuleLayer.boot(): rules may not use reflection, class loaders or method handles");
    }

    @Test
    void theLexicalCheckerReadsEscapesAndCommentsAsTheCompilerDoes() {
        List<String> names = DrlTokens.of("String s = \"a\\u0022; Runtime.getRuntime(); String t = \\u0022b\";\n"
                + "// x \\u000a System.exit(0);\nnew java/**/.io.FileWriter(\"f\");").stream()
                .filter(t -> t.kind() == DrlTokens.Kind.NAME).map(t -> t.text() + "@" + t.line()).toList();

        assertThat(names).contains("Runtime.getRuntime@1", "System.exit@2", "java.io.FileWriter@3");
    }

    @Test
    void anEscapedBackslashIsNotAnEscape() {
        assertThat(DrlTokens.unescape("\"\\\\u0041\" \\u0041")).isEqualTo("\"\\\\u0041\" A");
    }
}
