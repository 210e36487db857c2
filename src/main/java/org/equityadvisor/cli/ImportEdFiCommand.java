package org.equityadvisor.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.equityadvisor.imports.EdFiApi;
import org.equityadvisor.imports.EdFiImport;
import org.equityadvisor.imports.ImportReport;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "edfi", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn Ed-Fi studentEducationOrganizationAssociations (Data Standard 4 or 5: the digital-equity properties, or studentIndicators "
                + "of group DigitalEquity) into the district's gap figures, counted exactly as a survey is.",
            "Read a file holding the JSON array the ODS/API returns, or pull it from the API with OAuth2 client credentials.",
            "Exit 1 when records were skipped for problems, 2 for bad input."})
final class ImportEdFiCommand implements Callable<Integer> {

    static final String SECRET_VARIABLE = "EDFI_CLIENT_SECRET";

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Parameters(paramLabel = "FILE", description = "a file holding the resource's JSON array")
        Path file;

        @Option(names = "--api", paramLabel = "URL", description = "the ODS/API's base URL, e.g. https://ods.example.org/api, to pull the records from")
        URI api;
    }

    @Option(names = "--client-id", paramLabel = "ID", description = "with --api: the API client's key")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", interactive = true, arity = "0..1",
            description = "with --api: the client's secret (asked for when given without a value; default: the " + SECRET_VARIABLE + " environment variable)")
    char[] clientSecret;

    @Option(names = "--resource", paramLabel = "URL", description = "with --api: the resource's URL when it is not API/data/v3/ed-fi/studentEducationOrganizationAssociations")
    URI resource;

    @Option(names = "--token-url", paramLabel = "URL", description = "with --api: the OAuth2 token URL when it is not API/oauth/token")
    URI tokenUrl;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "500", description = "with --api: records per page (default: 500)")
    int pageSize;

    @Option(names = "--education-organization", paramLabel = "ID", description = "count only the associations with this education organization (the district's LEA id)")
    String organization;

    @Mixin
    ImportOptions options;

    @Mixin
    AssessmentTarget target;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        KnowledgeBase kb = rules.load();
        Assessment base = ImportCommand.base(target, kb);
        EdFiImport edfi = (options.mapping == null ? EdFiImport.standard() : EdFiImport.withMapping(options.mapping)).labelled(options.source, options.year).forOrganization(organization);
        Integer students = ImportCommand.enrollment(options.enrollment, base);
        ImportReport report;
        String from;
        long start = System.nanoTime();
        if (input.file != null) {
            report = edfi.read(input.file, students);
            from = "the Ed-Fi file " + ImportCommand.name(input.file);
        } else {
            report = edfi.pull(api(), students);
            from = "the Ed-Fi API " + input.api;
        }
        return ImportCommand.finish(report, System.nanoTime() - start, target, kb, base, students, from, spec.commandLine().getErr());
    }

    private EdFiApi api() {
        String secret = clientSecret != null && clientSecret.length > 0 ? new String(clientSecret) : System.getenv(SECRET_VARIABLE);
        if (clientId == null || secret == null || secret.isEmpty()) {
            throw new InputException("usage", new Problem("--api", "needs --client-id and a secret (--client-secret, or the " + SECRET_VARIABLE
                    + " environment variable)"));
        }
        if (pageSize < 1) {
            throw new InputException("usage", new Problem("--page-size", pageSize + " must be at least 1"));
        }
        EdFiApi api = EdFiApi.of(input.api, clientId, secret).withPageSize(pageSize);
        api = resource == null ? api : api.withResource(resource);
        return tokenUrl == null ? api : api.withToken(tokenUrl);
    }
}
