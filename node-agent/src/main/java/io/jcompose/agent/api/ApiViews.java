package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.api.v1.ExecResult;
import io.jcompose.agent.api.v1.LogLine;
import io.jcompose.agent.api.v1.SpecBodies;
import io.jcompose.agent.api.v1.VolumeView;
import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.Execs;
import io.jcompose.agent.container.Supervision;
import io.jcompose.agent.event.ContainerEvent;
import io.jcompose.agent.log.LogEntry;
import io.jcompose.agent.volume.VolumeService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/** Domain → v1 wire records, for responses. */
final class ApiViews {
    private ApiViews() {
    }

    static ContainerView container(Container c) {
        return container(c, Supervision.NONE);
    }

    /** With what the supervisors know: {@code restarting} shows instead of exited while a restart is due. */
    static ContainerView container(Container c, Supervision s) {
        return new ContainerView(c.id().value(), c.name().value(), c.labels(),
                s.restarting() ? "restarting" : c.state().wireName(), c.pid(),
                c.exitCode(), c.oomKilled(), text(c.createdAt()), text(c.startedAt()), text(c.finishedAt()),
                SpecBodies.fromDomain(c.spec()), c.imageId(), s.health(), s.restartCount(), java.util.List.of(),
                java.util.Map.of());
    }

    static VolumeView volume(VolumeService.Described d) {
        return new VolumeView(d.volume().name(), d.volume().labels(), d.volume().driver(), d.mountpoint().toString(),
                text(d.volume().createdAt()), d.usedBy(), d.volume().driverOpts());
    }

    static EventView event(ContainerEvent e) {
        return new EventView(e.type().wireName(), e.containerId(), e.name(), e.labels(), e.exitCode(), text(e.time()),
                e.status());
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
