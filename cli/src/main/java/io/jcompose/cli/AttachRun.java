package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.plan.Desired;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code jcompose attach SERVICE}: this command attached to the main process of one of the service's running
 * containers ({@link ContainerAttach}), as docker compose does: its output from now on, this command's input when
 * the container keeps its input open ({@code stdin_open}) unless {@code --no-stdin}, its terminal when it has one
 * ({@code tty}), where the detach keys (Ctrl-P Ctrl-Q) leave it running. Without a terminal, SIGINT and SIGTERM
 * are passed on to the container ({@code --sig-proxy}). The exit code is the container's when it exits while
 * attached, 0 after a detach.
 */
final class AttachRun {
    private AttachRun() {
    }

    @SuppressWarnings("removal")
    static int run(AttachCommand cmd, StackSession session) {
        DetachKeys keys = DetachKeys.parse(cmd.detachKeys);
        Desired desired = session.desiredIfPresent();
        Node node = session.node();
        LabelledProject stack = LabelledProject.find(node, session.projectName(desired));
        ContainerChoice.checkKnown(stack, desired, List.of(cmd.service));
        ContainerView c = ContainerChoice.one(stack, cmd.service, cmd.index);
        if (!Executor.isRunning(c)) {
            throw new CommandFailure("service \"" + cmd.service + "\" is not running (container " + c.name() + " is "
                    + c.state() + ")");
        }
        boolean tty = c.spec() != null && Boolean.TRUE.equals(c.spec().tty());
        boolean stdinOpen = c.spec() != null && Boolean.TRUE.equals(c.spec().stdinOpen());
        ContainerAttach.Options options = new ContainerAttach.Options(stdinOpen && !cmd.noStdin, tty, keys);
        List<Signal> proxied = new ArrayList<>();
        List<SignalHandler> previous = new ArrayList<>();
        if (cmd.sigProxy && !tty) {
            for (String name : List.of("INT", "TERM")) {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, s -> Thread.ofPlatform().daemon().start(() -> {
                    try {
                        node.kill(c.id(), "SIG" + name);
                    } catch (RuntimeException e) {
                        // Gone already: its exit ends the attachment.
                    }
                })));
                proxied.add(signal);
            }
        }
        try {
            ContainerAttach.Outcome outcome = ContainerAttach.run(session.agent(), c.id(), options, session.context(),
                    session.out(), session.err(), () -> { });
            return outcome.detached() ? 0 : outcome.exitCode();
        } finally {
            for (int i = 0; i < proxied.size(); i++) {
                Signal.handle(proxied.get(i), previous.get(i));
            }
            session.out().flush();
            session.err().flush();
        }
    }
}
