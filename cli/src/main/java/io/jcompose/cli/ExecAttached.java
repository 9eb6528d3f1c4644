package io.jcompose.cli;

import io.jcompose.agent.api.v1.ExecStartRequest;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.ExecAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * A process in a container attached to this command, as {@code docker compose exec} does it: its output on the
 * command's writers as it is written, this process's standard input forwarded to it (end of file included),
 * and with a TTY the local terminal in raw mode for the time of the exec, its size followed on SIGWINCH.
 * The result is the process's exit code.
 */
final class ExecAttached {
    private ExecAttached() {
    }

    /** Whether a TTY is wanted by default: standard input and output are this process's, and a terminal. */
    static boolean terminalAttached(CliContext context) {
        return context.stdin().get() == System.in && System.console() != null && System.console().isTerminal();
    }

    static int run(AgentClient agent, String containerId, ExecStartRequest request, CliContext context,
                   PrintWriter out, PrintWriter err) {
        boolean tty = request.isTty();
        int[] size = tty ? TerminalMode.size() : null;
        ExecStartRequest sized = size == null ? request : new ExecStartRequest(request.command(), request.env(),
                request.user(), request.workingDir(), request.tty(), request.privileged(), request.detach(), size[0], size[1]);
        TerminalMode terminal = tty ? TerminalMode.raw() : null;
        Thread restore = terminal == null ? null : new Thread(terminal::close, "terminal-restore");
        if (restore != null) {
            ExitHooks.add(restore);
        }
        try (ExecAttachment exec = agent.execAttached(containerId, sized, new WriterSink(out), new WriterSink(err))) {
            if (request.isDetach()) {
                return exec.exitCode().join();
            }
            if (tty) {
                followWindowSize(exec);
            }
            InputStream in = context.stdin().get();
            // A daemon thread: when the process ends first, a read blocked on a terminal must not keep the CLI alive.
            Thread.ofPlatform().daemon().name("exec-stdin").start(() -> forward(in, exec));
            return exec.exitCode().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            if (terminal != null) {
                terminal.close();
                ExitHooks.remove(restore);
            }
        }
    }

    private static void forward(InputStream in, ExecAttachment exec) {
        byte[] buffer = new byte[8192];
        OutputStream to = exec.stdin();
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                to.write(buffer, 0, n);
            }
            exec.closeStdin();
        } catch (IOException e) {
            // The exec has ended and its connection with it.
        }
    }

    /** The terminal's new size goes to the process whenever this one's window changes. */
    @SuppressWarnings("removal")
    static void followWindowSize(ExecAttachment exec) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> {
                int[] size = TerminalMode.size();
                if (size != null) {
                    exec.resize(size[0], size[1]);
                }
            });
        } catch (IllegalArgumentException e) {
            // No SIGWINCH here: the size stays as it was at the start.
        }
    }

    static List<String> copy(List<String> values) {
        return values == null || values.isEmpty() ? null : List.copyOf(values);
    }
}
