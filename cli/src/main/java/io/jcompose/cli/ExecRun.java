package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ExecStartRequest;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.plan.Desired;
import java.util.List;

/**
 * {@code jcompose exec}: one command in a service's running container, attached through the agent's exec stream
 * ({@link ExecAttached}): output as it is written, standard input forwarded, a TTY by default when standard input
 * is a terminal ({@code -T} turns it off), {@code -d} returns once the command has started. The exit code is the
 * command's.
 */
final class ExecRun {
    private ExecRun() {
    }

    static int run(ExecCommand cmd, StackSession session) {
        for (String e : cmd.env) {
            if (e.indexOf('=') <= 0) {
                throw new CommandFailure("-e " + e + ": expected KEY=VALUE");
            }
        }
        Desired desired = session.desiredIfPresent();
        LabelledProject stack = LabelledProject.find(session.node(), session.projectName(desired));
        ContainerChoice.checkKnown(stack, desired, List.of(cmd.service));
        ContainerView c = ContainerChoice.one(stack, cmd.service, cmd.index);
        if (!Executor.isRunning(c)) {
            throw new CommandFailure("service \"" + cmd.service + "\" is not running (container " + c.name() + " is "
                    + c.state() + ")");
        }
        boolean tty = !cmd.noTty && !cmd.detach && ExecAttached.terminalAttached(session.context());
        ExecStartRequest request = new ExecStartRequest(List.copyOf(cmd.command), ExecAttached.copy(cmd.env), cmd.user,
                cmd.workdir, tty ? Boolean.TRUE : null, cmd.privileged ? Boolean.TRUE : null,
                cmd.detach ? Boolean.TRUE : null, null, null);
        return ExecAttached.run(session.agent(), c.id(), request, session.context(), session.out(), session.err());
    }
}
