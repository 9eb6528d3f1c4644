package io.jcompose.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code jcompose} process: standard streams in UTF-8, the exit code of the command. */
public final class Main {
    /** Set by the launcher when the VM's exit does not wait for threads in native code. */
    static final String EXIT_NOWAIT = "jcompose.exit.nowait";

    private Main() {
    }

    public static void main(String[] args) {
        // The agent's own start line skips the command-line machinery, which would stay loaded for its whole life.
        io.jcompose.agent.daemon.AgentConfig agent = AgentStart.plainLine(args);
        if (agent == null && talksToTheAgent(args)) {
            // JDK 25's BigDecimal computes 5^65536 as it initialises (~10 ms of CPU, C1 or not), and the first JSON
            // parser initialises it (Jackson's number bounds), so every answer of the agent waited for it on the
            // path of the command, with the command's other readers blocked behind it. Begun here, it is done by
            // the time the first answer arrives: ps 119 → 112 ms, down 260 → 250 ms, run --rm 205 → 202 ms (A/B).
            Thread.ofPlatform().daemon().name("bigdecimal-init").start(() -> java.math.BigDecimal.ZERO.signum());
        }
        if (agent != null) {
            // The agent returns once a signal's shutdown has run its hook: System.exit then waits for that shutdown,
            // which ends the VM with the signal's status (143 for SIGTERM); halt would race it and could end with 0.
            System.exit(AgentStart.run(agent));
        }
        int code = run(CliContext.ofProcess(), args);
        // Output is flushed by run(); with no hook of ours pending there is nothing left to do on the way out.
        if (ExitHooks.nonePending()) {
            // The launcher's -XX:UserThreadWaitAttemptsAtExit=0 makes halt immediate; without it (the jar run by
            // hand) _exit avoids the VM's wait for the poller, at the cost of initialising the FFM linker.
            if (!Boolean.getBoolean(EXIT_NOWAIT) && ioPollerStarted()) ProcessExit.now(code);
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }

    /** Words that make a command line one that never reads an answer of the agent; any of them anywhere will do. */
    private static final java.util.Set<String> LOCAL = java.util.Set.of("config", "convert", "version", "--version",
            "completion", "help", "--help", "-h");

    /**
     * Whether the command line will read the agent's answers, as far as a glance tells: a wrong guess costs or spares
     * only the start of {@code BigDecimal}'s initialisation on another thread ({@code config}, {@code version} and
     * help pay ~3 ms for it).
     */
    static boolean talksToTheAgent(String[] args) {
        if (args.length == 0) return false;
        for (String a : args) {
            if (LOCAL.contains(a)) return false;
        }
        return true;
    }

    /**
     * Whether a virtual thread did socket I/O, which leaves the JDK's poller thread inside {@code epoll_wait}:
     * then the VM's exit would wait 300 ms for it ({@link ProcessExit}).
     */
    private static boolean ioPollerStarted() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread[] threads = new Thread[root.activeCount() + 8];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().endsWith("Poller")) return true;
        }
        return false;
    }

    /**
     * Runs one command line on the process's standard streams. Output is UTF-8 whatever the locale
     * (a CI job without LANG would otherwise print '?' for every non-ASCII character, unlike docker compose).
     */
    static int run(CliContext context, String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        try {
            return execute(context, args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** One command line on the given writers; the exit code. */
    static int execute(CliContext context, String[] args, PrintWriter out, PrintWriter err) {
        return JcomposeCommand.commandLine(context, args).setOut(out).setErr(err).execute(args);
    }
}
