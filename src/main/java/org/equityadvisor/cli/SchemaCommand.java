package org.equityadvisor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.equityadvisor.imports.AssessmentSchema;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of an assessment (ids and titles from the rule set), for editors' completion and checks.")
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--out", paramLabel = "FILE", description = "write it to FILE instead of the standard output")
    Path out;

    @Override
    public Integer call() {
        String schema = AssessmentSchema.write(rules.load());
        if (out == null) {
            spec.commandLine().getOut().print(schema);
            return Main.OK;
        }
        try {
            Files.writeString(out, schema, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("--out", new Problem(out.toString(), "cannot be written: " + e.getMessage()));
        }
        return Main.OK;
    }
}
