package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.api.v1.ExecResult;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.plan.Desired;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose exec}: one command in a service's running container, through the agent's exec endpoint. That
 * endpoint runs the command to completion and returns its output and exit code: no TTY and no standard input, so
 * the output is printed once the command has ended. The exit code is the command's.
 */
final class ExecRun {
    private ExecRun() {
    }

    static int run(ExecCommand cmd, StackSession session) {
        if (cmd.privileged) {
            throw new CommandFailure("exec --privileged is not supported: the agent runs exec processes with the "
                    + "container's own capabilities — give the service privileged: true, or leave --privileged out");
        }
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
        ExecRequest request = new ExecRequest(command(cmd), cmd.env.isEmpty() ? null : List.copyOf(cmd.env),
                cmd.user, cmd.workdir);
        ExecResult result = session.agent().exec(c.id(), request);
        if (cmd.detach) return 0;
        session.out().print(result.stdout() == null ? "" : result.stdout());
        session.out().flush();
        session.err().print(result.stderr() == null ? "" : result.stderr());
        session.err().flush();
        return result.exitCode();
    }

    /**
     * With {@code -d} the command is started by a shell in the background, its output discarded, so the exec
     * returns at once: the agent's exec would otherwise wait for the command to end.
     */
    static List<String> command(ExecCommand cmd) {
        if (!cmd.detach) return List.copyOf(cmd.command);
        List<String> out = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" </dev/null >/dev/null 2>&1 &", "sh"));
        out.addAll(cmd.command);
        return out;
    }
}
