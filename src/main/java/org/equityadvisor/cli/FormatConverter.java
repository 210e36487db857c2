package org.equityadvisor.cli;

import java.util.Locale;
import org.equityadvisor.export.AdviceWriter;
import picocli.CommandLine;

/** Accepts text, json and markdown (also md) in any case, with a clear message otherwise. */
final class FormatConverter implements CommandLine.ITypeConverter<AdviceWriter.Format> {

    @Override
    public AdviceWriter.Format convert(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "text", "txt" -> AdviceWriter.Format.TEXT;
            case "json" -> AdviceWriter.Format.JSON;
            case "markdown", "md" -> AdviceWriter.Format.MARKDOWN;
            default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use text, json or markdown");
        };
    }
}
