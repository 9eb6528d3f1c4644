package io.jcompose.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jcompose version}: like {@code docker compose version}, without loading anything else. */
@Command(name = "version", description = "Show the jcompose version.")
final class VersionCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    private HelpOption helpOption;


    enum Format { pretty, json }

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.pretty;

    @Option(names = "--short", description = "Print only the version number.")
    boolean shortOutput;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String version = Version.current();
        if (shortOutput) {
            out.println(version);
        } else if (format == Format.json) {
            out.println("{\"version\":\"" + version + "\"}");
        } else {
            out.println(Version.line());
        }
        return 0;
    }
}
