package io.jcompose.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose cp}: options only; the work is in {@link CpRun}. */
@Command(name = "cp", sortOptions = false,
        description = {"Copy files/folders between a service container and the local filesystem.",
            "  jcompose cp [OPTIONS] SERVICE:SRC_PATH DEST_PATH|-",
            "  jcompose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH"})
final class CpCommand extends ProjectCommand {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "SERVICE:SRC_PATH, a local path, or - (a tar on standard input).")
    String source;

    @Parameters(index = "1", paramLabel = "DEST", description = "SERVICE:DEST_PATH, a local path, or - (a tar on standard output).")
    String destination;

    @Option(names = "--index", paramLabel = "N", defaultValue = "0",
            description = "Replica of the service; without it, a copy in goes to every replica, a copy out comes from the first.")
    int index;

    @Option(names = "--all", description = "Include the service's one-off (run) containers.")
    boolean all;

    @Option(names = {"-a", "--archive"}, description = "Archive mode: keep the uid/gid of what is copied in.")
    boolean archive;

    @Option(names = {"-L", "--follow-link"}, description = "Always follow a symbolic link in SRC_PATH.")
    boolean followLink;

    @Override
    public Integer call() throws Exception {
        return CpRun.run(this, session());
    }
}
