package io.jcompose.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * The root command: global options, then one subcommand. Build it with {@link #commandLine(CliContext)},
 * which also installs error reporting, so that {@code commandLine(ctx).setOut(..).setErr(..).execute(args)}
 * behaves exactly like the installed {@code jcompose}.
 */
public final class JcomposeCommand implements Callable<Integer> {
    CommandSpec spec;

    GlobalOptions global = new GlobalOptions();

    boolean help;

    boolean version;

    private final CliContext context;

    JcomposeCommand(CliContext context) {
        this.context = context;
    }

    static final String DESCRIPTION = "Define and run multi-container applications from Compose files, without Docker.";

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

    /**
     * Every subcommand by name, in the order {@code jcompose --help} lists them. Registered in code rather than in
     * the annotation so that a command line builds only the one it runs: picocli's reflective model of all of them
     * was the largest part of every command's start-up. The names are spelled out (a test checks them against each
     * class's {@code @Command}) because reading thirty classes' annotations to find them cost every command ~5 ms.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "up", UpCommand.class, "down", DownCommand.class, "ps", PsCommand.class, "create", CreateCommand.class,
            "start", StartCommand.class, "stop", StopCommand.class, "restart", RestartCommand.class,
            "rm", RmCommand.class, "kill", KillCommand.class, "logs", LogsCommand.class, "exec", ExecCommand.class,
            "run", RunCommand.class, "attach", AttachCommand.class, "port", PortCommand.class, "ls", LsCommand.class,
            "wait", WaitCommand.class, "events", EventsCommand.class, "cp", CpCommand.class,
            "pause", PauseCommand.class, "unpause", UnpauseCommand.class, "top", TopCommand.class,
            "pull", PullCommand.class, "images", ImagesCommand.class, "image", ImageCommand.class,
            "build", BuildCommand.class, "config", ConfigCommand.class, "version", VersionCommand.class,
            "agent", AgentCommand.class, "completion", CompletionCommand.class, "help", HelpCommand.class);

    private static Map<String, Class<?>> subcommands(Object... namesAndTypes) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            out.put((String) namesAndTypes[i], (Class<?>) namesAndTypes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The command line with every subcommand: for help, completion scripts and tests. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, null);
    }

    /**
     * The command line for {@code args}: the root with only the subcommand they name, or with all of them when
     * they name none, ask for help, or name one that does not exist (so usage and suggestions list them all).
     */
    public static CommandLine commandLine(CliContext context, String[] args) {
        JcomposeCommand root = new JcomposeCommand(context);
        CommandLine cl = new CommandLine(root.model());
        String only = args == null ? null : subcommandName(cl.getCommandSpec(), args);
        // help and completion describe the other commands, so they need them all.
        if (only != null && SUBCOMMANDS.containsKey(only) && !only.equals("help") && !only.equals("completion")) {
            root.addSubcommand(cl, only);
        } else {
            for (String name : SUBCOMMANDS.keySet()) root.addSubcommand(cl, name);
        }
        // `-p up` names a project "up", as in docker compose, whichever subcommands are registered.
        cl.setAllowSubcommandsAsOptionParameters(true);
        // The command of exec and run keeps its own options: `jcompose exec web ls -la`.
        for (String name : List.of("exec", "run")) {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub != null) sub.setStopAtPositional(true);
        }
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

    /**
     * This command's model, built in code ({@link FieldBinding}) as its annotations would have made it: the global
     * options (mixin {@code global}), then help and version.
     */
    private CommandSpec model() {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("jcompose").versionProvider(new Version());
        spec.usageMessage().description(DESCRIPTION).synopsisSubcommandLabel("COMMAND")
                .footer("", "Run 'jcompose COMMAND --help' for more information on a command.");
        spec.addMixin("global", global.mixin());
        spec.addOption(FieldBinding.option(boolean.class, () -> help, v -> help = v, "-h", "--help").usageHelp(true)
                .description(HelpOption.DESCRIPTION).build());
        spec.addOption(FieldBinding.option(boolean.class, () -> version, v -> version = v, "-v", "--version")
                .versionHelp(true).description("Show the jcompose version and exit.").build());
        return spec;
    }

    /**
     * Registers subcommand {@code name}: the models of the commands users wait for most ({@code run}, {@code ps},
     * {@code down}) are built in code, the others' read from their annotations.
     */
    private void addSubcommand(CommandLine cl, String name) {
        ProjectCommand inCode = switch (name) {
            case "run" -> new RunCommand();
            case "ps" -> new PsCommand();
            case "down" -> new DownCommand();
            default -> null;
        };
        if (inCode != null) {
            inCode.root = this;
            cl.addSubcommand(name, new CommandLine(inCode.model()));
        } else {
            cl.addSubcommand(name, SUBCOMMANDS.get(name));
        }
    }

    /**
     * The subcommand {@code args} name: the first argument that is neither a global option nor an option's value;
     * null when there is none or an option is not the root's (picocli then reports it with everything registered).
     */
    static String subcommandName(CommandSpec rootSpec, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) return null;
            if (!a.startsWith("-") || a.equals("-")) return a;
            int eq = a.indexOf('=');
            CommandLine.Model.OptionSpec option = rootSpec.findOption(eq > 0 ? a.substring(0, eq) : a);
            if (option == null) {
                // -fFILE: a short option with its value attached
                if (!a.startsWith("--") && a.length() > 2 && rootSpec.findOption(a.substring(0, 2)) != null) continue;
                return null;
            }
            if (option.usageHelp() || option.versionHelp()) return null;
            if (eq < 0 && option.arity().max() > 0) i++;
        }
        return null;
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
