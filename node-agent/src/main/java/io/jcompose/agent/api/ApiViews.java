package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.api.v1.ExecResult;
import io.jcompose.agent.api.v1.LogLine;
import io.jcompose.agent.api.v1.SpecBodies;
import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.Execs;
import io.jcompose.agent.event.ContainerEvent;
import io.jcompose.agent.log.LogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/** Domain → v1 wire records, for responses. */
final class ApiViews {
    private ApiViews() {
    }

    static ContainerView container(Container c) {
        return new ContainerView(c.id().value(), c.name().value(), c.labels(), c.state().wireName(), c.pid(),
                c.exitCode(), c.oomKilled(), text(c.createdAt()), text(c.startedAt()), text(c.finishedAt()),
                SpecBodies.fromDomain(c.spec()), c.imageId(), null, 0, java.util.List.of(), java.util.Map.of());
    }

    static EventView event(ContainerEvent e) {
        return new EventView(e.type().wireName(), e.containerId(), e.name(), e.labels(), e.exitCode(), text(e.time()));
    }

    static LogLine log(LogEntry e) {
        return new LogLine(e.stream().name().toLowerCase(Locale.ROOT), text(e.time()), e.message());
    }

    static ExecResult exec(Execs.Outcome o) {
        return new ExecResult(o.exitCode(), new String(o.stdout(), StandardCharsets.UTF_8),
                new String(o.stderr(), StandardCharsets.UTF_8));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
