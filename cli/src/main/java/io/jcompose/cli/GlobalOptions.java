package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options docker compose takes before the command name ({@code jcompose -f a.yaml -p demo config}).
 * Like docker compose they are not repeated after the command name: {@code -f} means something else to
 * some commands ({@code logs -f} follows, {@code version -f} picks a format).
 *
 * <p>This class holds plain values only; turning them into a model load happens in {@link ProjectLoading},
 * so that commands which never load a project ({@code version}) never load the model's classes.
 */
public final class GlobalOptions {

    /** {@code --ansi}: when help and progress output may use colours and cursor movement. */
    public enum AnsiMode { never, always, auto }

    /** {@code --progress}: how long-running commands report progress. */
    public enum ProgressMode { auto, tty, plain, json, quiet }

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Compose file to use; repeat to merge several (\"-\" reads standard input). "
                    + "Default: COMPOSE_FILE, else compose.yaml or docker-compose.yml found from the current directory up.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Project name. Default: COMPOSE_PROJECT_NAME, the top-level name: key, else the project directory's name.")
    String projectName;

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "Directory relative paths are resolved against. Default: the directory of the first compose file.")
    String projectDirectory;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Environment file for interpolation; repeatable. Default: COMPOSE_ENV_FILES, else .env in the project directory.")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Profile to enable; repeatable. Default: COMPOSE_PROFILES.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--debug", description = "Print stack traces with error messages.")
    boolean debug;

    @Option(names = "--ansi", paramLabel = "WHEN", defaultValue = "auto",
            description = "Use ANSI colours and cursor control: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    AnsiMode ansi = AnsiMode.auto;

    @Option(names = "--progress", paramLabel = "TYPE",
            description = "Progress output of long-running commands: ${COMPLETION-CANDIDATES}.")
    ProgressMode progress;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "-1",
            description = "Maximum number of parallel operations, -1 for no limit (default: ${DEFAULT-VALUE}).")
    int parallel = -1;

    @Option(names = "--dry-run", description = "Show what a command would change without changing anything.")
    boolean dryRun;

    public List<String> files() {
        return List.copyOf(files);
    }

    public String projectName() {
        return projectName;
    }

    public String projectDirectory() {
        return projectDirectory;
    }

    public List<String> envFiles() {
        return List.copyOf(envFiles);
    }

    public List<String> profiles() {
        return List.copyOf(profiles);
    }

    public boolean debug() {
        return debug;
    }

    public AnsiMode ansi() {
        return ansi;
    }

    public ProgressMode progress() {
        return progress;
    }

    public int parallel() {
        return parallel;
    }

    public boolean dryRun() {
        return dryRun;
    }
}
