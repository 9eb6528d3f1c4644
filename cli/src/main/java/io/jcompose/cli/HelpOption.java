package io.jcompose.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for every subcommand, as {@code docker compose config --help} has. */
final class HelpOption {
    static final String DESCRIPTION = "Show this help and exit.";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = DESCRIPTION)
    boolean help;

    /** This option as a mixin built in code (for the commands whose model is, see {@link FieldBinding}). */
    picocli.CommandLine.Model.CommandSpec mixin() {
        var spec = picocli.CommandLine.Model.CommandSpec.wrapWithoutInspection(this);
        spec.addOption(FieldBinding.option(boolean.class, () -> help, v -> help = v, "-h", "--help").usageHelp(true)
                .description(DESCRIPTION).build());
        return spec;
    }
}
