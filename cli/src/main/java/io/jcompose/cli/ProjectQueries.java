package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ContainerView.PublishedPortView;
import io.jcompose.agent.api.v1.WaitResult;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.scheduler.execute.Down;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.plan.Desired;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code port}, {@code ls}, {@code wait}, {@code top}: questions about containers found by their labels. */
final class ProjectQueries {
    private ProjectQueries() {
    }

    private record Target(Node node, LabelledProject stack, Desired desired) {
    }

    private static Target target(StackSession session, Collection<String> services) {
        Desired desired = session.desiredIfPresent();
        Node node = session.node();
        LabelledProject stack = LabelledProject.find(node, session.projectName(desired));
        ContainerChoice.checkKnown(stack, desired, services);
        return new Target(node, stack, desired);
    }

    static int port(PortCommand cmd, StackSession session) {
        if (!cmd.protocol.equals("tcp") && !cmd.protocol.equals("udp")) {
            throw new CommandFailure("--protocol " + cmd.protocol + ": expected tcp or udp");
        }
        ContainerView c = ContainerChoice.one(target(session, List.of(cmd.service)).stack(), cmd.service, cmd.index);
        String address = address(c.ports(), cmd.privatePort, cmd.protocol);
        if (address == null) {
            throw new CommandFailure("no port " + cmd.privatePort + "/" + cmd.protocol + " for container " + c.name());
        }
        session.out().println(address);
        session.out().flush();
        return 0;
    }

    /** {@code 0.0.0.0:8080} for a port published on every address, as docker prints it; null when not published. */
    static String address(List<PublishedPortView> ports, int containerPort, String protocol) {
        if (ports == null) return null;
        for (PublishedPortView p : ports) {
            String proto = p.protocol() == null || p.protocol().isEmpty() ? "tcp" : p.protocol();
            if (p.containerPort() != containerPort || !proto.equals(protocol)) continue;
            String ip = p.hostIp() == null || p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp();
            return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + p.hostPort();
        }
        return null;
    }

    static int ls(LsCommand cmd, StackSession session) {
        String nameFilter = null;
        if (cmd.filter != null) {
            if (!cmd.filter.startsWith("name=")) throw new CommandFailure("--filter " + cmd.filter + ": only name=NAME is supported");
            nameFilter = cmd.filter.substring(5);
        }
        List<ProjectRow> rows = projects(session.node().containers(List.of(Labels.PROJECT)), cmd.all);
        PrintWriter out = session.out();
        String f = nameFilter;
        rows = rows.stream().filter(r -> f == null || r.name().contains(f)).toList();
        if (cmd.quiet) {
            rows.forEach(r -> out.println(r.name()));
        } else if (cmd.format == LsCommand.Format.json) {
            List<Map<String, String>> list = new ArrayList<>();
            for (ProjectRow r : rows) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("Name", r.name());
                m.put("Status", r.status());
                m.put("ConfigFiles", r.configFiles());
                list.add(m);
            }
            out.println(WireJson.text(list));
        } else {
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {"NAME", "STATUS", "CONFIG FILES"});
            for (ProjectRow r : rows) lines.add(new String[] {r.name(), r.status(), r.configFiles()});
            table(out, lines);
        }
        out.flush();
        return 0;
    }

    /** One line of {@code ls}: the project, its containers counted by state ({@code exited(1), running(2)}). */
    record ProjectRow(String name, String status, String configFiles) {
    }

    /**
     * Projects from their containers' labels, by name. Without {@code all}, as docker compose (which lists only
     * running containers then), only running, restarting and paused containers count, and projects with none are
     * left out.
     */
    static List<ProjectRow> projects(List<ContainerView> containers, boolean all) {
        Map<String, Map<String, Integer>> states = new TreeMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (ContainerView c : containers) {
            String project = c.labels().get(Labels.PROJECT);
            if (project == null) continue;
            if (!all && !Executor.isRunning(c) && !"paused".equals(c.state())) continue;
            states.computeIfAbsent(project, k -> new TreeMap<>()).merge(c.state(), 1, Integer::sum);
            String configFiles = c.labels().get(Labels.CONFIG_FILES);
            if (configFiles != null) files.putIfAbsent(project, configFiles);
        }
        List<ProjectRow> rows = new ArrayList<>();
        states.forEach((project, counts) -> {
            List<String> parts = new ArrayList<>();
            counts.forEach((state, n) -> parts.add(state + "(" + n + ")"));
            rows.add(new ProjectRow(project, String.join(", ", parts), files.getOrDefault(project, "")));
        });
        return rows;
    }

    /**
     * As docker compose: waits for every container of the services (one-offs included), prints each exit, and
     * returns the code of the one that stopped last.
     */
    static int await(WaitCommand cmd, StackSession session) throws InterruptedException {
        Target t = target(session, cmd.services);
        List<ContainerView> containers = ContainerChoice.of(t.stack(), cmd.services, true);
        if (containers.isEmpty()) {
            throw new CommandFailure("no containers for project \"" + t.stack().name() + "\"");
        }
        AtomicInteger last = new AtomicInteger();
        List<Thread> waiters = new ArrayList<>();
        PrintWriter out = session.out();
        for (ContainerView c : containers) {
            waiters.add(Thread.ofPlatform().daemon().start(() -> {
                WaitResult r = t.node().awaitExit(c.id());
                synchronized (out) {
                    out.println("container \"" + c.id() + "\" exited with status code " + r.exitCode());
                    out.flush();
                    last.set(r.exitCode());
                }
            }));
        }
        for (Thread w : waiters) w.join();
        if (cmd.downProject) {
            int code = session.report(new Down(null, true, false).run(t.node(), session.executor(t.node(), null),
                    t.stack().name(), session.progress()));
            if (code != 0) return code;
        }
        return last.get();
    }

    /**
     * {@code ps -f} on the host for the processes in each running container's PID namespace. It reads
     * {@code /proc} of this host, so it works where the agent runs, as root.
     */
    static int top(TopCommand cmd, StackSession session) throws InterruptedException {
        Target t = target(session, cmd.services);
        PrintWriter out = session.out();
        for (ContainerView c : ContainerChoice.of(t.stack(), cmd.services, false)) {
            if (!Executor.isRunning(c) || c.pid() <= 0) continue;
            List<Long> pids = processesInNamespaceOf(c.pid());
            if (pids.isEmpty()) continue;
            out.println(c.name());
            out.print(ps(pids));
            out.println();
        }
        out.flush();
        return 0;
    }

    private static List<Long> processesInNamespaceOf(int pid) {
        Path proc = Path.of("/proc");
        String ns;
        try {
            ns = Files.readSymbolicLink(proc.resolve(pid + "/ns/pid")).toString();
        } catch (IOException e) {
            throw new CommandFailure("cannot read the PID namespace of process " + pid + " (" + e.getMessage()
                    + "); top works as root on the agent's host");
        }
        List<Long> out = new ArrayList<>();
        try (var entries = Files.list(proc)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) continue;
                try {
                    if (ns.equals(Files.readSymbolicLink(p.resolve("ns/pid")).toString())) out.add(Long.parseLong(name));
                } catch (IOException | NumberFormatException e) {
                    // gone meanwhile, or a kernel thread
                }
            }
        } catch (IOException e) {
            throw new CommandFailure("cannot list /proc: " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    private static String ps(List<Long> pids) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("ps", "-f", "-p"));
        command.add(String.join(",", pids.stream().map(String::valueOf).toList()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return text;
        } catch (IOException e) {
            throw new CommandFailure("top needs ps(1) on the host: " + e.getMessage());
        }
    }

    /** Columns padded to their widest cell plus three spaces, as docker compose prints its tables. */
    static void table(PrintWriter out, List<String[]> lines) {
        int[] width = new int[lines.getFirst().length];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
        for (String[] l : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                sb.append(l[i]);
                if (i < l.length - 1) sb.append(" ".repeat(width[i] - l[i].length() + 3));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
