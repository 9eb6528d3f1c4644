package io.jcompose.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.Spec;

/**
 * The root command: global options, then one subcommand. Build it with {@link #commandLine(CliContext)},
 * which also installs error reporting, so that {@code commandLine(ctx).setOut(..).setErr(..).execute(args)}
 * behaves exactly like the installed {@code jcompose}.
 */
@Command(name = "jcompose",
        description = "Define and run multi-container applications from Compose files, without Docker.",
        versionProvider = Version.class,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {UpCommand.class, DownCommand.class, PsCommand.class, CreateCommand.class, StartCommand.class,
                StopCommand.class, RestartCommand.class, RmCommand.class, KillCommand.class, LogsCommand.class,
                ExecCommand.class, RunCommand.class, AttachCommand.class, PortCommand.class, LsCommand.class, WaitCommand.class,
                EventsCommand.class, PauseCommand.class, UnpauseCommand.class, TopCommand.class, PullCommand.class,
                ImagesCommand.class, ImageCommand.class, BuildCommand.class, ConfigCommand.class, VersionCommand.class, AgentCommand.class,
                CompletionCommand.class, HelpCommand.class},
        footer = {"", "Run 'jcompose COMMAND --help' for more information on a command."})
public final class JcomposeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Show the jcompose version and exit.")
    boolean version;

    private final CliContext context;

    JcomposeCommand(CliContext context) {
        this.context = context;
    }

    /** The command line for {@code context}, ready to {@code execute(args)}. */
    /** Commands that change nothing, or that show their plan ({@code up}): the only ones --dry-run may reach. */
    private static final java.util.Set<String> DRY_RUN_SAFE = java.util.Set.of("up", "config", "ps", "ls", "images",
            "logs", "port", "top", "events", "version", "help", "jcompose", "completion", "image ls", "image inspect", "agent status");

    /** With the global --dry-run, a command that would change something without a plan to show is refused. */
    String dryRunRefusal(CommandLine.ParseResult parseResult) {
        if (!global.dryRun()) return null;
        List<String> names = new java.util.ArrayList<>();
        for (CommandLine.ParseResult r = parseResult.subcommand(); r != null; r = r.subcommand()) {
            names.add(r.commandSpec().name());
        }
        String command = String.join(" ", names);
        if (names.isEmpty() || DRY_RUN_SAFE.contains(command) || parseResult.isUsageHelpRequested()) return null;
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.isUsageHelpRequested()) return null;
        }
        return "--dry-run is not supported by `" + command + "` yet, and nothing was changed — `up --dry-run` prints its"
                + " plan; run " + command + " without --dry-run to do it";
    }

    public static CommandLine commandLine(CliContext context) {
        JcomposeCommand root = new JcomposeCommand(context);
        CommandLine cl = new CommandLine(root);
        // The command of exec and run keeps its own options: `jcompose exec web ls -la`.
        cl.getSubcommands().get("exec").setStopAtPositional(true);
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(() -> root.global.debug()));
        // --ansi is only known after parsing; apply it before any help text is drawn.
        cl.setExecutionStrategy(parseResult -> {
            root.applyAnsi(parseResult);
            String refusal = root.dryRunRefusal(parseResult);
            if (refusal != null) {
                cl.getErr().println(refusal);
                return 1;
            }
            return new RunLast().execute(parseResult);
        });
        return cl;
    }

    CliContext context() {
        return context;
    }

    GlobalOptions global() {
        return global;
    }

    private void applyAnsi(ParseResult parseResult) {
        Help.Ansi ansi = switch (global.ansi()) {
            case never -> Help.Ansi.OFF;
            case always -> Help.Ansi.ON;
            case auto -> Help.Ansi.AUTO;
        };
        parseResult.commandSpec().commandLine().setColorScheme(Help.defaultColorScheme(ansi));
    }

    /** Without a command, show what there is, as docker compose does. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
