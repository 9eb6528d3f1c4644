package io.jcompose.cli;

import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.plan.Desired;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jcompose events}: the agent's event stream for the project's containers, in docker compose's shapes —
 * {@code --json}: {@code {"time","type":"container","service","id","action","attributes"}} per line; else
 * {@code 2024-01-02 10:00:00.000000 container start <id> (image=…, name=…)}. Runs until the agent goes away or
 * the command is interrupted.
 */
final class EventStream {
    private static final DateTimeFormatter PLAIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private EventStream() {
    }

    static int run(EventsCommand cmd, StackSession session) throws InterruptedException {
        Desired desired = session.desiredIfPresent();
        String project = session.projectName(desired);
        if (!cmd.services.isEmpty()) {
            ContainerChoice.checkKnown(LabelledProject.find(session.node(), project), desired, cmd.services);
        }
        PrintWriter out = session.out();
        CountDownLatch ended = new CountDownLatch(1);
        AutoCloseable subscription = session.agent().events(List.of(Labels.projectFilter(project)), e -> {
            String service = e.labels() == null ? null : e.labels().get(Labels.SERVICE);
            if (!cmd.services.isEmpty() && !cmd.services.contains(service)) return;
            synchronized (out) {
                out.println(cmd.json ? WireJson.text(json(e)) : plain(e, ZoneId.systemDefault()));
                out.flush();
            }
        }, ended::countDown);
        try {
            ended.await();
        } finally {
            try {
                subscription.close();
            } catch (Exception e) {
                // closing a finished stream
            }
        }
        return 0;
    }

    /** docker's action names for the agent's event types. */
    static String action(EventView e) {
        return switch (e.type()) {
            case "created" -> "create";
            case "started" -> "start";
            case "died" -> "die";
            case "destroyed" -> "destroy";
            case "paused" -> "pause";
            case "unpaused" -> "unpause";
            case "restarting" -> "restart";
            case "health_status" -> "health_status: " + e.status();
            default -> e.type();
        };
    }

    /** docker's actor attributes: the container's labels but compose's own, its name, and exitCode on die. */
    static Map<String, String> attributes(EventView e) {
        Map<String, String> out = new TreeMap<>();
        if (e.labels() != null) {
            e.labels().forEach((k, v) -> {
                if (!k.startsWith(Labels.PREFIX)) out.put(k, v);
            });
        }
        if (e.name() != null) out.put("name", e.name());
        if (e.exitCode() != null) out.put("exitCode", Integer.toString(e.exitCode()));
        return out;
    }

    static Map<String, Object> json(EventView e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time());
        m.put("type", "container");
        m.put("service", e.labels() == null ? "" : e.labels().getOrDefault(Labels.SERVICE, ""));
        m.put("id", e.id());
        m.put("action", action(e));
        m.put("attributes", attributes(e));
        return m;
    }

    static String plain(EventView e, ZoneId zone) {
        String time = e.time();
        try {
            time = PLAIN_TIME.format(Instant.parse(e.time()).atZone(zone));
        } catch (DateTimeParseException | NullPointerException ex) {
            // shown as the agent sent it
        }
        List<String> attrs = attributes(e).entrySet().stream().map(a -> a.getKey() + "=" + a.getValue()).toList();
        return time + " container " + action(e) + " " + e.id() + " (" + String.join(", ", attrs) + ")";
    }
}
