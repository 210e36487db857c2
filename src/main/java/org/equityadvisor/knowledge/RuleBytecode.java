package org.equityadvisor.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equityadvisor.model.Problem;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The structural guarantee that rules reach nothing but the model, values, collections and dates. The
 * lexical checker reads what a coach wrote and can be fooled (Unicode escapes, a comment inside a name,
 * reflection by name); this reads what will run: every class the rule compiler generated, and every
 * reference its code makes - method calls, field accesses, class constants, lambda targets, invokedynamic
 * bootstraps - is held to an allow-list. Anything else is refused, naming the rule it came from.
 *
 * <p>The same check runs on a freshly compiled rule set and on one loaded from the compiled-rules cache, so
 * a planted or altered cache entry is held to the same list.
 */
final class RuleBytecode {

    /** Generated code may call any member of these packages (internal names, '/'-separated prefixes). */
    private static final List<String> PACKAGES = List.of(
            "org/equityadvisor/model/",
            "java/util/function/",
            "java/util/regex/",
            "java/util/stream/",
            "java/time/",
            "java/math/",
            // The executable model's DSL and the value classes of the rules it builds; not its compiler.
            "org/drools/model/",
            "org/drools/modelcompiler/dsl/",
            "org/drools/core/base/accumulators/",
            // The generated project model declares the knowledge base and its sessions.
            "org/kie/api/builder/model/",
            "org/kie/api/conf/",
            "org/kie/api/runtime/conf/");

    /** Classes whose every member generated code may use. */
    private static final Set<String> CLASSES = Set.of(
            "java/lang/String", "java/lang/StringBuilder", "java/lang/CharSequence", "java/lang/Comparable", "java/lang/Iterable",
            "java/lang/Number", "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Double",
            "java/lang/Float", "java/lang/Boolean", "java/lang/Character", "java/lang/Math", "java/lang/StrictMath",
            "java/util/List", "java/util/ArrayList", "java/util/LinkedList", "java/util/Map", "java/util/Map$Entry", "java/util/HashMap",
            "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/SortedMap", "java/util/NavigableMap", "java/util/Set",
            "java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/SortedSet", "java/util/NavigableSet",
            "java/util/Collection", "java/util/Collections", "java/util/Arrays", "java/util/Objects", "java/util/Optional",
            "java/util/OptionalInt", "java/util/OptionalLong", "java/util/OptionalDouble", "java/util/Iterator", "java/util/ListIterator",
            "java/util/Comparator", "java/util/Deque", "java/util/ArrayDeque", "java/util/Queue", "java/util/PriorityQueue",
            "java/util/StringJoiner", "java/util/Locale", "java/util/EnumSet", "java/util/EnumMap", "java/util/AbstractMap$SimpleEntry",
            "java/util/AbstractMap$SimpleImmutableEntry", "java/util/IntSummaryStatistics", "java/util/LongSummaryStatistics",
            "java/util/DoubleSummaryStatistics", "java/util/Spliterator",
            "org/drools/modelcompiler/util/EvaluationUtil");

    /** Single members of otherwise closed classes. */
    private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/Enum", Set.of("<init>", "valueOf", "name", "ordinal", "compareTo", "equals", "hashCode", "toString")),
            Map.entry("java/lang/Record", Set.of("<init>", "equals", "hashCode", "toString")),
            // Compiled enums copy their values() array; nothing else of System is reachable.
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/lang/RuntimeException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/IllegalArgumentException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/IllegalStateException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/UnsupportedOperationException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/NullPointerException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/ArithmeticException", Set.of("<init>", "getMessage")),
            Map.entry("java/lang/AssertionError", Set.of("<init>")),
            // The executable model's consequence context: facts in and out, nothing of the session behind it.
            Map.entry("org/drools/model/Drools", Set.of("insert", "logicalInsert", "update", "delete")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask", "parseDate")),
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/api/KieServices$Factory", Set.of("get")),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")));

    /** Members refused although their class or package is allowed. */
    private static final Map<String, Set<String>> REFUSED = Map.ofEntries(
            Map.entry("java/lang/Math", Set.of("random")),
            Map.entry("java/lang/StrictMath", Set.of("random")),
            // These read system properties.
            Map.entry("java/lang/Integer", Set.of("getInteger")),
            Map.entry("java/lang/Long", Set.of("getLong")),
            Map.entry("java/lang/Boolean", Set.of("getBoolean")),
            Map.entry("java/util/Collections", Set.of("shuffle")),
            Map.entry("java/util/Collection", Set.of("parallelStream")),
            Map.entry("java/util/List", Set.of("parallelStream")),
            Map.entry("java/util/Set", Set.of("parallelStream")),
            Map.entry("java/util/ArrayList", Set.of("parallelStream")),
            // The machine's defaults differ between machines: the same input must give the same advice.
            Map.entry("java/util/Locale", Set.of("setDefault", "getDefault")),
            Map.entry("java/time/ZoneId", Set.of("systemDefault")),
            Map.entry("java/time/chrono/Chronology", Set.of("dateNow")),
            Map.entry("java/time/chrono/IsoChronology", Set.of("dateNow")));

    /** Classes refused although their package is allowed. */
    private static final Set<String> REFUSED_CLASSES = Set.of("java/time/Clock", "java/time/InstantSource", "java/time/zone/ZoneRulesProvider",
            "org/drools/model/codegen/");

    /** Stream members that produce endless or parallel streams, whatever the class. */
    private static final Set<String> STREAM_REFUSED = Set.of("generate", "iterate", "parallel", "parallelStream");

    /** The only invokedynamic bootstraps generated code may use: lambdas, string concatenation, records. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory", "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat", "java/lang/runtime/ObjectMethods.bootstrap");

    private static final Pattern RULE_METHOD = Pattern.compile("^(?:lambda\\$)?(rule_[^$]*)");

    /** One reference that is not allowed, found in one method of one generated class. */
    record Finding(String className, String method, String what, String member, String why) {
    }

    private RuleBytecode() {
    }

    /** What the check found: the problems, and which rule each generated class serves (dotted name → rule). */
    record Result(List<Problem> problems, Map<String, String> ruleOfClass) {
    }

    /**
     * Every reference outside the allow-list in the given classes (internal name → class file bytes),
     * as problems naming the rule each came from, at its file and line.
     */
    static Result check(Map<String, byte[]> classes, List<RuleInfo> rules, RuleFiles files) {
        Scan scan = new Scan(classes.keySet());
        for (byte[] bytes : classes.values()) {
            scan.read(bytes);
        }
        scan.resolveInherited();
        Map<String, RuleInfo> byName = new HashMap<>();
        rules.forEach(r -> byName.put(r.name(), r));
        Map<String, String> ruleOfClass = new HashMap<>();
        for (String cls : classes.keySet()) {
            Set<String> owners = scan.rulesOf(new Finding(cls, "", "", "", ""), byName.keySet());
            if (owners.size() == 1) {
                ruleOfClass.put(dotted(cls), owners.iterator().next());
            }
        }
        Set<Problem> out = new LinkedHashSet<>();
        for (Finding f : scan.findings) {
            Set<String> owners = scan.rulesOf(f, byName.keySet());
            if (owners.isEmpty()) {
                out.add(new Problem(files == null ? "rules" : files.origin(), "the compiled rules (" + f.className().replace('/', '.')
                        + ") " + f.what() + ": " + f.why()));
                continue;
            }
            for (String name : owners) {
                RuleInfo rule = byName.get(name);
                out.add(new Problem(rule.file() + ":" + line(rule, f.member(), rules, files), "rule \"" + name + "\" " + f.what() + ": " + f.why()));
            }
        }
        return new Result(List.copyOf(out), Map.copyOf(ruleOfClass));
    }

    /** The line in the rule's own text that names the member, when it can be found; else the rule's first line. */
    private static int line(RuleInfo rule, String member, List<RuleInfo> rules, RuleFiles files) {
        String text = files == null ? null : files.text(rule.file());
        if (text == null || member == null || member.isEmpty()) {
            return rule.line();
        }
        int end = rules.stream().filter(r -> r.file().equals(rule.file()) && r.line() > rule.line()).mapToInt(RuleInfo::line).min()
                .orElse(Integer.MAX_VALUE);
        String[] lines = text.split("\n", -1);
        for (String word : member.split("\\|")) {
            Pattern named = Pattern.compile("\\b" + Pattern.quote(word) + "\\b");
            for (int i = rule.line() - 1; i < lines.length && i < end - 1; i++) {
                if (named.matcher(DrlTokens.unescape(lines[i])).find()) {
                    return i + 1;
                }
            }
        }
        return rule.line();
    }

    /** Whether code may use this member of this class (internal name); own classes are judged by themselves. */
    static String refusal(String owner, String member) {
        String cls = elementType(owner);
        if (cls.length() == 1 || owner.startsWith("[") && member.equals("clone")) {
            // A primitive, or an array's own clone().
            return null;
        }
        if (REFUSED_CLASSES.contains(cls) || REFUSED_CLASSES.stream().anyMatch(p -> p.endsWith("/") && cls.startsWith(p))) {
            return reason(cls, member);
        }
        if (REFUSED.getOrDefault(cls, Set.of()).contains(member) || member.equals("now")
                || cls.startsWith("java/util/stream/") && STREAM_REFUSED.contains(member)
                || cls.startsWith("java/util/") && member.equals("parallelStream")) {
            return reason(cls, member);
        }
        if (CLASSES.contains(cls) || MEMBERS.getOrDefault(cls, Set.of()).contains(member)) {
            return null;
        }
        for (String pkg : PACKAGES) {
            if (cls.startsWith(pkg) && !cls.equals("org/drools/model/Drools")) {
                return null;
            }
        }
        return reason(cls, member);
    }

    /** The class of an array's elements, or the class itself. */
    private static String elementType(String owner) {
        String cls = owner;
        while (cls.startsWith("[")) {
            cls = cls.substring(1);
        }
        if (cls.startsWith("L") && cls.endsWith(";")) {
            cls = cls.substring(1, cls.length() - 1);
        }
        return cls;
    }

    /** Why a reference is refused, in the words of the house rules. */
    private static String reason(String cls, String member) {
        String name = cls.substring(cls.lastIndexOf('/') + 1);
        if (name.contains("Random") || member.equals("random") || member.equals("shuffle") || member.equals("randomUUID")) {
            return "rules may not be random: the same input must give the same advice";
        }
        if (member.equals("now") || member.equals("dateNow") || name.equals("Clock") || name.equals("InstantSource")
                || member.equals("currentTimeMillis") || member.equals("nanoTime") || member.equals("systemDefault")
                || member.equals("getDefault") || member.equals("setDefault")) {
            return "rules may not read the clock or the machine's defaults: the same input must give the same advice";
        }
        if (cls.startsWith("java/lang/reflect/") || cls.startsWith("java/lang/invoke/") || name.equals("Class") || name.contains("ClassLoader")
                || name.equals("Module") || name.equals("ModuleLayer") || name.equals("Unsafe") || member.equals("getClass")
                || cls.startsWith("org/drools/model/codegen/")) {
            return "rules may not use reflection, class loaders or method handles";
        }
        if (name.equals("Runtime") || name.startsWith("Process") || member.equals("exit") || member.equals("halt")) {
            return "rules may not start processes or stop the program";
        }
        if (name.startsWith("Thread") || cls.startsWith("java/util/concurrent/") || name.equals("Timer") || member.equals("parallel")
                || member.equals("parallelStream") || member.equals("wait") || member.equals("notify") || member.equals("notifyAll")) {
            return "rules may not start or control threads";
        }
        if (cls.startsWith("java/io/") || cls.startsWith("java/nio/")) {
            return "rules may not read or write files";
        }
        if (cls.startsWith("java/net/") || cls.startsWith("javax/net/") || cls.startsWith("java/net/http/")) {
            return "rules may not reach the network";
        }
        if (name.equals("System") || member.equals("getInteger") || member.equals("getLong") || member.equals("getBoolean")) {
            return "rules may not reach the system (its properties, environment, streams or exit)";
        }
        if (member.equals("generate") || member.equals("iterate")) {
            return "rules may not make endless streams";
        }
        if (cls.startsWith("org/drools/") || cls.startsWith("org/kie/")) {
            return "rules may only insert, update and delete facts; the engine behind them is out of reach";
        }
        return "rules may use only the model (" + DrlChecker.MODEL_PACKAGE + "), java.lang values, java.util collections and streams, "
                + "java.math and java.time without the clock";
    }

    private static String dotted(String internal) {
        return Type.getObjectType(internal).getClassName();
    }

    /** Reads classes, recording what they reference and which rule methods reach which classes and methods. */
    private static final class Scan {
        final Set<String> own;
        final List<Finding> findings = new ArrayList<>();
        /** Superclass of each own class, to judge calls to inherited members. */
        final Map<String, String> superOf = new HashMap<>();
        final Map<String, Set<String>> declared = new HashMap<>();
        /** Rule name constants in each rule_ method, keyed "class.rule_x". */
        final Map<String, Set<String>> constants = new HashMap<>();
        /** Own classes each method refers to, keyed "class.method". */
        final Map<String, Set<String>> refersTo = new HashMap<>();
        final List<Finding> pendingInherited = new ArrayList<>();

        Scan(Set<String> own) {
            this.own = own;
        }

        void read(byte[] bytes) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                String me;

                @Override
                public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                    me = name;
                    superOf.put(name, superName);
                    if (superName != null && !own.contains(superName) && !superName.equals("java/lang/Object") && !superName.equals("java/lang/Enum")
                            && !superName.equals("java/lang/Record") && refusal(superName, "<init>") != null) {
                        findings.add(new Finding(name, "", "extends " + dotted(superName), "", reason(superName, "<init>")));
                    }
                }

                @Override
                public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    declared.computeIfAbsent(me, k -> new HashSet<>()).add(name);
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    declared.computeIfAbsent(me, k -> new HashSet<>()).add(name);
                    if ((access & Opcodes.ACC_NATIVE) != 0) {
                        findings.add(new Finding(me, name, "declares a native method", "", "rules may not run native code"));
                    }
                    return new Method(me, name);
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }

        private final class Method extends MethodVisitor {
            final String cls;
            final String name;
            final String key;
            final Set<Label> seen = new HashSet<>();
            boolean looped;

            Method(String cls, String name) {
                super(Opcodes.ASM9);
                this.cls = cls;
                this.name = name;
                this.key = cls + "." + name;
            }

            private void refer(String owner) {
                String type = elementType(owner);
                if (own.contains(type)) {
                    refersTo.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(type);
                }
            }

            private void member(String owner, String member, String what) {
                refer(owner);
                if (own.contains(owner)) {
                    // Judged by the class itself; an inherited member is judged on the class it comes from, once all are read.
                    pendingInherited.add(new Finding(cls, name, what, member, owner));
                    return;
                }
                String why = refusal(owner, member);
                if (why != null) {
                    findings.add(new Finding(cls, name, what, word(owner, member), why));
                }
            }

            /** The word to look for in the rule's text: a constructor is written as its class's simple name. */
            private static String word(String owner, String member) {
                if (!member.equals("<init>")) {
                    return member;
                }
                String simple = owner.substring(owner.lastIndexOf('/') + 1);
                return simple.substring(simple.lastIndexOf('$') + 1);
            }

            private static String call(String owner, String member) {
                return member.equals("<init>") ? "creates a " + dotted(owner) : "calls " + dotted(owner) + "." + member + "()";
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String member, String descriptor, boolean isInterface) {
                member(owner, member, call(owner, member));
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
                member(owner, field, "uses " + dotted(owner) + "." + field);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                refer(type);
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof String s) {
                    constants.computeIfAbsent(key, k -> new HashSet<>()).add(s);
                } else if (value instanceof Type t && t.getSort() == Type.OBJECT) {
                    refer(t.getInternalName());
                } else if (value instanceof Handle || value instanceof ConstantDynamic || value instanceof Type t && t.getSort() == Type.METHOD) {
                    findings.add(new Finding(cls, name, "loads a method handle constant", "", reason("java/lang/invoke/MethodHandle", "")));
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String indyName, String descriptor, Handle bootstrap, Object... arguments) {
                String bsm = bootstrap.getOwner() + "." + bootstrap.getName();
                if (!BOOTSTRAPS.contains(bsm)) {
                    findings.add(new Finding(cls, name, "uses " + dotted(bootstrap.getOwner()) + "." + bootstrap.getName() + "()", bootstrap.getName(),
                            reason("java/lang/invoke/MethodHandle", "")));
                    return;
                }
                for (Object argument : arguments) {
                    if (argument instanceof Handle target) {
                        // A method reference is a call: Runtime::getRuntime is judged like Runtime.getRuntime().
                        boolean field = target.getTag() <= Opcodes.H_PUTSTATIC;
                        member(target.getOwner(), target.getName(), field ? "uses " + dotted(target.getOwner()) + "." + target.getName()
                                : call(target.getOwner(), target.getName()));
                        if (own.contains(target.getOwner())) {
                            refersTo.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(target.getOwner() + "#" + target.getName());
                        }
                    } else if (argument instanceof ConstantDynamic) {
                        findings.add(new Finding(cls, name, "loads a dynamic constant", "", reason("java/lang/invoke/MethodHandle", "")));
                    }
                }
            }

            @Override
            public void visitLabel(Label label) {
                seen.add(label);
            }

            @Override
            public void visitJumpInsn(int opcode, Label label) {
                backward(label);
            }

            @Override
            public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                backward(dflt);
                for (Label l : labels) {
                    backward(l);
                }
            }

            @Override
            public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                backward(dflt);
                for (Label l : labels) {
                    backward(l);
                }
            }

            private void backward(Label label) {
                if (seen.contains(label) && !looped) {
                    looped = true;
                    findings.add(new Finding(cls, name, "loops (while, for or do)", "while|for|do",
                            "rules may not loop: a rule fires once for each match, so match the facts instead"));
                }
            }

            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.MONITORENTER) {
                    findings.add(new Finding(cls, name, "synchronizes on an object", "synchronized", "rules may not start or control threads"));
                }
            }
        }

        /** Calls to members of own classes: judged on the nearest class outside the rules that declares them. */
        void resolveInherited() {
            for (Finding pending : pendingInherited) {
                String owner = pending.why();
                String member = pending.member();
                String cls = owner;
                while (cls != null && own.contains(cls) && !declared.getOrDefault(cls, Set.of()).contains(member)) {
                    cls = superOf.get(cls);
                }
                if (cls == null || own.contains(cls)) {
                    continue;
                }
                // An own enum's inherited members, an own class's Object methods.
                String why = refusal(cls, member);
                if (why != null) {
                    findings.add(new Finding(pending.className(), pending.method(), pending.what(), member, why));
                }
            }
            pendingInherited.clear();
        }

        /** The rules a finding belongs to: rule_ methods are matched by the rule name they carry, other classes by who refers to them. */
        Set<String> rulesOf(Finding f, Set<String> names) {
            Map<String, Set<String>> ruleOfMethod = ruleMethods(names);
            Matcher m = RULE_METHOD.matcher(f.method());
            if (m.find()) {
                Set<String> direct = ruleOfMethod.get(f.className() + "." + m.group(1));
                if (direct != null) {
                    return direct;
                }
            }
            Set<String> out = new TreeSet<>();
            ruleOfMethod.forEach((method, rules) -> {
                Set<String> refs = refersTo.getOrDefault(method, Set.of());
                if (refs.contains(f.className()) || refs.contains(f.className() + "#" + f.method())) {
                    out.addAll(rules);
                }
            });
            if (out.isEmpty()) {
                // A class reached through another generated class (a lambda of a lambda): follow one more step.
                refersTo.forEach((method, refs) -> {
                    if (refs.contains(f.className())) {
                        String via = method.substring(0, method.lastIndexOf('.'));
                        ruleOfMethod.forEach((ruleMethod, rules) -> {
                            if (refersTo.getOrDefault(ruleMethod, Set.of()).contains(via)) {
                                out.addAll(rules);
                            }
                        });
                    }
                });
            }
            return out;
        }

        private Map<String, Set<String>> ruleMethods;

        private Map<String, Set<String>> ruleMethods(Set<String> names) {
            if (ruleMethods == null) {
                ruleMethods = ruleMethodsOf(names);
            }
            return ruleMethods;
        }

        private Map<String, Set<String>> ruleMethodsOf(Set<String> names) {
            Map<String, Set<String>> out = new TreeMap<>();
            constants.forEach((method, strings) -> {
                Set<String> rules = new TreeSet<>(strings);
                rules.retainAll(names);
                if (!rules.isEmpty() && method.substring(method.lastIndexOf('.') + 1).startsWith("rule_")) {
                    out.put(method, rules);
                }
            });
            // Inline lambdas of a rule method belong to its rule.
            Map<String, Set<String>> lambdas = new LinkedHashMap<>();
            refersTo.keySet().forEach(method -> {
                String simple = method.substring(method.lastIndexOf('.') + 1);
                Matcher m = RULE_METHOD.matcher(simple);
                if (simple.startsWith("lambda$") && m.find()) {
                    Set<String> rules = out.get(method.substring(0, method.lastIndexOf('.') + 1) + m.group(1));
                    if (rules != null) {
                        lambdas.put(method, rules);
                    }
                }
            });
            out.putAll(lambdas);
            return out;
        }
    }
}
