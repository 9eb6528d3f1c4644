package io.jcompose.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for every subcommand, as {@code docker compose config --help} has. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
