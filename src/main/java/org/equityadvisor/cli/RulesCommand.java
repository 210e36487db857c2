package org.equityadvisor.cli;

import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check and test a rule set.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
final class RulesCommand {
}
