package org.equityadvisor.cli;

import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check, test, compare and document rule sets.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesDiffCommand.class, RulesDocCommand.class, RulesWatchCommand.class})
final class RulesCommand {
}
