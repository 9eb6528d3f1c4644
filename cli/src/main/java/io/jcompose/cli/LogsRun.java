package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.plan.Desired;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** {@code jcompose logs}: the chosen containers' logs through {@link LogFollower}. */
final class LogsRun {
    private LogsRun() {
    }

    static int run(LogsCommand cmd, StackSession session) throws InterruptedException {
        int tail = tail(cmd.tail);
        Instant now = Instant.now();
        Instant since = cmd.since == null ? null : TimeBound.parse("--since", cmd.since, now, ZoneId.systemDefault());
        Instant until = cmd.until == null ? null : TimeBound.parse("--until", cmd.until, now, ZoneId.systemDefault());
        if (cmd.index != null && cmd.services.size() != 1) {
            throw new CommandFailure("--index needs exactly one service, e.g. 'jcompose logs --index 2 web'");
        }
        Desired desired = session.desiredIfPresent();
        LabelledProject stack = LabelledProject.find(session.node(), session.projectName(desired));
        ContainerChoice.checkKnown(stack, desired, cmd.services);
        List<ContainerView> containers = cmd.index != null
                ? List.of(ContainerChoice.one(stack, cmd.services.getFirst(), cmd.index))
                : ContainerChoice.of(stack, cmd.services, false);
        LogPrefix prefix = LogPrefix.of(containers, !cmd.noLogPrefix, session.colours(cmd.noColor));
        new LogFollower(cmd.follow, tail, since, until, cmd.timestamps, prefix)
                .print(session.agent(), containers, session.out(), session.err());
        return 0;
    }

    /** {@code all} or a count; docker treats a negative count as all. */
    static int tail(String value) {
        if (value.equalsIgnoreCase("all")) return -1;
        try {
            return Math.max(-1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new CommandFailure("--tail " + value + ": expected a number of lines or all");
        }
    }
}
