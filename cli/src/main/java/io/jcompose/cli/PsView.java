package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.plan.Desired;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code jcompose ps}: a table like docker compose's, or its JSON objects one per line. */
final class PsView {
    private PsView() {
    }

    static int ps(PsCommand cmd, StackSession session) {
        Desired desired = session.desiredIfPresent();
        String project = session.projectName(desired);
        LabelledProject found = LabelledProject.of(project, session.containers(project));
        ContainerChoice.checkKnown(found, desired, cmd.services);
        LabelledProject stack = found.only(cmd.services);
        List<ContainerView> rows = stack.all().stream()
                .filter(c -> cmd.all || !cmd.status.isEmpty() || Executor.isRunning(c) || "paused".equals(c.state()))
                .filter(c -> cmd.status.isEmpty() || cmd.status.contains(c.state()))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList(); // not Comparator.comparing: see Planner.byName
        PrintWriter out = session.out();
        Instant now = Instant.now();
        if (cmd.servicesOnly) {
            new TreeSet<>(rows.stream().map(c -> c.labels().getOrDefault(Labels.SERVICE, "")).toList())
                    .forEach(out::println);
        } else if (cmd.quiet) {
            rows.forEach(c -> out.println(c.id()));
        } else if (cmd.format == PsCommand.Format.json) {
            rows.forEach(c -> out.println(WireJson.text(json(c, now))));
        } else {
            table(out, rows, now);
        }
        out.flush();
        return 0;
    }

    private static void table(PrintWriter out, List<ContainerView> rows, Instant now) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"});
        for (ContainerView c : rows) {
            lines.add(new String[] {c.name(), image(c), quotedCommand(c), c.labels().getOrDefault(Labels.SERVICE, ""),
                    ago(c.createdAt(), now), status(c, now), ports(c)});
        }
        ProjectQueries.table(out, lines);
    }

    /** docker compose's {@code ps --format json} fields. */
    static Map<String, Object> json(ContainerView c, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Command", quotedCommand(c));
        m.put("CreatedAt", c.createdAt() == null ? "" : c.createdAt());
        m.put("ExitCode", c.exitCode() == null ? 0 : c.exitCode());
        m.put("Health", c.health() == null ? "" : c.health().status());
        m.put("ID", c.id());
        m.put("Image", image(c));
        m.put("Labels", String.join(",", new TreeMap<>(c.labels()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        m.put("LocalVolumes", Long.toString(c.spec() == null || c.spec().mounts() == null ? 0
                : c.spec().mounts().stream().filter(x -> "volume".equals(x.type())).count()));
        m.put("Mounts", c.spec() == null || c.spec().mounts() == null ? "" : String.join(",",
                c.spec().mounts().stream().map(x -> x.source() == null ? x.target() : x.source()).toList()));
        m.put("Name", c.name());
        m.put("Names", c.name());
        m.put("Networks", c.networks() == null ? "" : String.join(",", new TreeSet<>(c.networks().keySet())));
        m.put("Ports", ports(c));
        m.put("Project", c.labels().getOrDefault(Labels.PROJECT, ""));
        List<Map<String, Object>> publishers = new ArrayList<>();
        if (c.ports() != null) {
            for (var p : c.ports()) {
                Map<String, Object> pub = new LinkedHashMap<>();
                pub.put("URL", p.hostIp() == null || p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp());
                pub.put("TargetPort", p.containerPort());
                pub.put("PublishedPort", p.hostPort());
                pub.put("Protocol", p.protocol());
                publishers.add(pub);
            }
        }
        m.put("Publishers", publishers);
        m.put("RunningFor", ago(c.createdAt(), now));
        m.put("Service", c.labels().getOrDefault(Labels.SERVICE, ""));
        m.put("Size", "0B");
        m.put("State", c.state());
        m.put("Status", status(c, now));
        return m;
    }

    private static String image(ContainerView c) {
        return c.spec() == null || c.spec().image() == null ? "" : c.spec().image();
    }

    private static String quotedCommand(ContainerView c) {
        if (c.spec() == null) return "\"\"";
        List<String> parts = new ArrayList<>();
        if (c.spec().entrypoint() != null) parts.addAll(c.spec().entrypoint());
        if (c.spec().command() != null) parts.addAll(c.spec().command());
        String cmd = String.join(" ", parts);
        return "\"" + (cmd.length() > 20 ? cmd.substring(0, 19) + "…" : cmd) + "\"";
    }

    static String ports(ContainerView c) {
        if (c.ports() == null) return "";
        List<String> out = new ArrayList<>();
        for (var p : c.ports()) {
            String ip = p.hostIp() == null || p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp();
            out.add(ip + ":" + p.hostPort() + "->" + p.containerPort() + "/" + p.protocol());
        }
        return String.join(", ", out);
    }

    /** {@code Up 5 minutes (healthy)}, {@code Exited (1) 2 hours ago}, {@code Created}: docker's wording. */
    static String status(ContainerView c, Instant now) {
        return switch (c.state()) {
            case "running" -> "Up " + human(c.startedAt(), now)
                    + (c.health() == null ? "" : " (" + c.health().status() + ")");
            case "paused" -> "Up " + human(c.startedAt(), now) + " (Paused)";
            case "restarting" -> "Restarting (" + c.exitCode() + ") " + ago(c.finishedAt(), now);
            case "exited" -> "Exited (" + c.exitCode() + ") " + ago(c.finishedAt(), now);
            case "created" -> "Created";
            default -> c.state();
        };
    }

    private static String ago(String time, Instant now) {
        String h = human(time, now);
        return h.isEmpty() ? "" : h + " ago";
    }

    /** Like go-units {@code HumanDuration}. */
    static String human(String time, Instant now) {
        if (time == null || time.isEmpty()) return "";
        Duration d;
        try {
            d = Duration.between(Instant.parse(time), now);
        } catch (DateTimeParseException e) {
            return "";
        }
        long s = d.toSeconds();
        if (s < 1) return "Less than a second";
        if (s == 1) return "1 second";
        if (s < 60) return s + " seconds";
        long m = d.toMinutes();
        if (m == 1) return "About a minute";
        if (m < 60) return m + " minutes";
        long h = Math.round(d.toMinutes() / 60.0);
        if (h == 1) return "About an hour";
        if (h < 48) return h + " hours";
        if (h < 24 * 7 * 2) return h / 24 + " days";
        if (h < 24 * 30 * 2) return h / 24 / 7 + " weeks";
        if (h < 24 * 365 * 2) return h / 24 / 30 + " months";
        return h / 24 / 365 + " years";
    }
}
