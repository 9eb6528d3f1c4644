package io.jcompose.cli;

import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.ExecAttachment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This command attached to a container's main process (the agent's attach stream), for {@code run} and
 * {@code attach}: the container's output on the command's writers as it is written, this process's standard input
 * forwarded (end of file included), and with a TTY the local terminal in raw mode while attached, its size
 * followed on SIGWINCH, and the detach keys watched for in what is typed.
 *
 * <p>The attachment is made before {@code start} runs, so a container started by it loses no output.
 */
final class ContainerAttach {
    /**
     * @param stdin      forward this process's standard input
     * @param tty        the container has a terminal: raw mode, window size, detach keys
     * @param detachKeys the sequence that detaches (with a TTY), or null for none
     */
    record Options(boolean stdin, boolean tty, DetachKeys detachKeys) {
    }

    /** The container's exit code, or null when this command detached (the container runs on). */
    record Outcome(Integer exitCode) {
        boolean detached() {
            return exitCode == null;
        }
    }

    private ContainerAttach() {
    }

    static Outcome run(AgentClient agent, String ref, Options options, CliContext context, PrintWriter out,
                       PrintWriter err, Runnable start) {
        int[] size = options.tty() ? TerminalMode.size() : null;
        ExecAttachment attachment = agent.attach(ref, options.stdin(), size == null ? 0 : size[0],
                size == null ? 0 : size[1], new WriterSink(out), new WriterSink(err));
        TerminalMode terminal = null;
        Thread restore = null;
        try (attachment) {
            start.run();
            if (options.tty()) {
                terminal = TerminalMode.raw();
                if (terminal != null) {
                    restore = new Thread(terminal::close, "terminal-restore");
                    ExitHooks.add(restore);
                }
                ExecAttached.followWindowSize(attachment);
            }
            AtomicBoolean detached = new AtomicBoolean();
            if (options.stdin()) {
                InputStream in = context.stdin().get();
                DetachKeys keys = options.tty() ? options.detachKeys() : null;
                // A daemon thread: when the container ends first, a read blocked on a terminal must not keep us alive.
                Thread.ofPlatform().daemon().name("attach-stdin").start(() -> forward(in, attachment, keys, detached));
            }
            try {
                return new Outcome(attachment.exitCode().join());
            } catch (CompletionException e) {
                if (detached.get()) {
                    return new Outcome(null);
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        } finally {
            if (terminal != null) {
                terminal.close();
                ExitHooks.remove(restore);
            }
        }
    }

    private static void forward(InputStream in, ExecAttachment attachment, DetachKeys keys, AtomicBoolean detached) {
        byte[] buffer = new byte[8192];
        DetachKeys.Scanner scanner = keys == null ? null : keys.scanner();
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        OutputStream to = attachment.stdin();
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (scanner == null) {
                    to.write(buffer, 0, n);
                    continue;
                }
                passed.reset();
                boolean detach = scanner.feed(buffer, n, passed);
                passed.writeTo(to);
                if (detach) {
                    detached.set(true);
                    attachment.close(); // the exit code future fails: the command reports the detach
                    return;
                }
            }
            attachment.closeStdin();
        } catch (IOException e) {
            // The attachment has ended and its connection with it.
        }
    }
}
