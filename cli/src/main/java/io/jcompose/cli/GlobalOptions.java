package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

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

    List<String> files = new ArrayList<>();
    String projectName;
    String projectDirectory;
    List<String> envFiles = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    boolean debug;
    AnsiMode ansi = AnsiMode.auto;
    ProgressMode progress;
    int parallel = -1;
    boolean dryRun;

    /**
     * These options as picocli's mixin of the root command, built in code ({@link FieldBinding}); in the order
     * {@code jcompose --help} and the completion scripts have always listed them.
     */
    CommandSpec mixin() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
        spec.addOption(FieldBinding.strings(() -> files, v -> files = v, "-f", "--file").paramLabel("FILE")
                .description("Compose file to use; repeat to merge several (\"-\" reads standard input). "
                        + "Default: COMPOSE_FILE, else compose.yaml or docker-compose.yml found from the current directory up.")
                .build());
        spec.addOption(FieldBinding.option(String.class, () -> projectName, v -> projectName = v, "-p", "--project-name")
                .paramLabel("NAME")
                .description("Project name. Default: COMPOSE_PROJECT_NAME, the top-level name: key, else the project directory's name.")
                .build());
        spec.addOption(FieldBinding.option(String.class, () -> projectDirectory, v -> projectDirectory = v,
                        "--project-directory").paramLabel("DIR")
                .description("Directory relative paths are resolved against. Default: the directory of the first compose file.")
                .build());
        spec.addOption(FieldBinding.strings(() -> envFiles, v -> envFiles = v, "--env-file").paramLabel("FILE")
                .description("Environment file for interpolation; repeatable. Default: COMPOSE_ENV_FILES, else .env in the project directory.")
                .build());
        spec.addOption(FieldBinding.strings(() -> profiles, v -> profiles = v, "--profile").paramLabel("PROFILE")
                .description("Profile to enable; repeatable. Default: COMPOSE_PROFILES.").build());
        spec.addOption(FieldBinding.option(boolean.class, () -> debug, v -> debug = v, "--debug")
                .description("Print stack traces with error messages.").build());
        spec.addOption(FieldBinding.option(AnsiMode.class, () -> ansi, v -> ansi = v, "--ansi").paramLabel("WHEN")
                .defaultValue("auto")
                .description("Use ANSI colours and cursor control: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
                .build());
        spec.addOption(FieldBinding.option(ProgressMode.class, () -> progress, v -> progress = v, "--progress")
                .paramLabel("TYPE").description("Progress output of long-running commands: ${COMPLETION-CANDIDATES}.")
                .build());
        spec.addOption(FieldBinding.option(int.class, () -> parallel, v -> parallel = v, "--parallel").paramLabel("N")
                .defaultValue("-1")
                .description("Maximum number of parallel operations, -1 for no limit (default: ${DEFAULT-VALUE}).")
                .build());
        spec.addOption(FieldBinding.option(boolean.class, () -> dryRun, v -> dryRun = v, "--dry-run")
                .description("Show what a command would change without changing anything.").build());
        return spec;
    }

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
