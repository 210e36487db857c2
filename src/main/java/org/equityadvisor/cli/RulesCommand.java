package org.equityadvisor.cli;

import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check, test and compare rule sets.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesDiffCommand.class})
final class RulesCommand {
}
