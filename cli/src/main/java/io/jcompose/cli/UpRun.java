package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.PullPolicy;
import io.jcompose.model.project.Service;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.plan.Desired;
import io.jcompose.scheduler.plan.ObservedState;
import io.jcompose.scheduler.plan.Plan;
import io.jcompose.scheduler.plan.PlanOptions;
import io.jcompose.scheduler.plan.Planner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code up} and {@code create}: load → observe → plan → (dry run: print) → apply → wait or attach. */
final class UpRun {
    private UpRun() {
    }

    static int run(UpCommand cmd, StackSession session) throws InterruptedException {
        boolean dryRun = cmd.dryRun || session.globalDryRun();
        Desired desired = session.built(session.desired(), cmd.services, cmd.noDeps, cmd.noBuild, dryRun);
        PlanOptions options = options(cmd);
        Node node = session.node();
        ObservedState observed = ObservedState.of(node, desired.project());
        Plan plan = Planner.plan(desired, observed, options);
        if (dryRun) {
            for (String line : plan.describe()) session.out().println(line);
            session.out().flush();
            return 0;
        }
        for (String w : plan.warnings()) session.err().println("warning: " + w);
        Executor executor = session.executor(node, cmd.timeout).knowing(observed.images());
        int code = session.report(executor.apply(plan));
        if (code != 0 || cmd.create || cmd.noStart) return code;
        if (cmd.await) return awaitReady(node, session, desired.project().name(), cmd.waitTimeout);
        if (cmd.detach) return 0;
        session.progress().endBlock(); // the logs go below the block; the stop's events draw a new one
        return Attach.attach(node, executor, session, desired.project().name(), plan.services().keySet(),
                foreground(cmd, desired.project(), plan.services().keySet()));
    }

    /**
     * Which services' logs {@code up} shows and whose exits it waits for, as docker compose decides: {@code --attach}
     * as given (each must be part of the run), else the named services (all when none; their dependencies too
     * with {@code --attach-dependencies}) whose {@code attach:} is not false; minus {@code --no-attach}. The exits
     * waited for are those of the named services, else of the attached ones.
     */
    static Attach.Foreground foreground(UpCommand cmd, Project project, Set<String> runServices) {
        if (cmd.exitCodeFrom != null && !project.services().containsKey(cmd.exitCodeFrom)) {
            throw new CommandFailure("no such service: " + cmd.exitCodeFrom);
        }
        Set<String> attach = new TreeSet<>();
        if (!cmd.attach.isEmpty()) {
            List<String> unknown = cmd.attach.stream().filter(s -> !runServices.contains(s)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new CommandFailure("cannot attach to services not included in up: " + String.join(", ", unknown));
            }
            attach.addAll(cmd.attach);
        } else {
            Collection<String> chosen = cmd.services.isEmpty() || cmd.attachDependencies ? runServices : cmd.services;
            for (String s : chosen) {
                Service service = project.services().get(s);
                if (service == null || !Boolean.FALSE.equals(service.attach())) attach.add(s);
            }
        }
        cmd.noAttach.forEach(attach::remove);
        Set<String> watch = new TreeSet<>(cmd.services.isEmpty() ? attach : cmd.services);
        return new Attach.Foreground(attach, watch, ExitWatch.cascade(cmd.abortOnExit, cmd.abortOnFailure),
                cmd.exitCodeFrom, !cmd.noLogPrefix, cmd.noColor, cmd.timestamps);
    }

    static PlanOptions options(UpCommand cmd) {
        PlanOptions.Recreate recreate = cmd.forceRecreate ? PlanOptions.Recreate.FORCE
                : cmd.noRecreate ? PlanOptions.Recreate.NEVER : PlanOptions.Recreate.DIVERGED;
        return new PlanOptions(cmd.services, cmd.noDeps, recreate, cmd.alwaysRecreateDeps, scale(cmd.scale),
                cmd.removeOrphans, pull(cmd.pull), !cmd.noStart);
    }

    static Map<String, Integer> scale(List<String> specs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            try {
                if (eq <= 0) throw new NumberFormatException();
                int n = Integer.parseInt(s.substring(eq + 1));
                if (n < 0) throw new NumberFormatException();
                out.put(s.substring(0, eq), n);
            } catch (NumberFormatException e) {
                throw new CommandFailure("--scale " + s + ": expected SERVICE=N with N ≥ 0, e.g. --scale web=3");
            }
        }
        return out;
    }

    static PullPolicy.Kind pull(String value) {
        if (value == null) return null;
        return switch (value) {
            case "always" -> PullPolicy.Kind.ALWAYS;
            case "missing" -> PullPolicy.Kind.MISSING;
            case "never" -> PullPolicy.Kind.NEVER;
            default -> throw new CommandFailure("--pull " + value + ": expected always, missing or never");
        };
    }

    /** {@code --wait}: every container running, and healthy when it has a health check; exits 1 on timeout. */
    private static int awaitReady(Node node, StackSession session, String project, Integer timeoutSeconds)
            throws InterruptedException {
        Instant deadline = timeoutSeconds == null ? Instant.MAX : Instant.now().plusSeconds(timeoutSeconds);
        while (true) {
            List<String> pending = new ArrayList<>();
            for (ContainerView c : LabelledProject.find(node, project).all()) {
                String why = notReady(c);
                if (why == null) continue;
                if (why.startsWith("!")) {
                    session.err().println("container " + c.name() + " " + why.substring(1));
                    return ErrorReporter.FAILURE;
                }
                pending.add(c.name() + " (" + why + ")");
            }
            if (pending.isEmpty()) return 0;
            if (Instant.now().isAfter(deadline)) {
                session.err().println("timed out waiting for " + String.join(", ", pending));
                return ErrorReporter.FAILURE;
            }
            Thread.sleep(Duration.ofMillis(200));
        }
    }

    /** null when ready; a reason when not yet; a reason starting with '!' when it never will be. */
    private static String notReady(ContainerView c) {
        if ("exited".equals(c.state()) || "dead".equals(c.state())) {
            return c.exitCode() != null && c.exitCode() == 0 ? null : "!exited with code " + c.exitCode();
        }
        if (!"running".equals(c.state())) return c.state();
        if (c.health() == null) return null;
        return switch (c.health().status()) {
            case "healthy" -> null;
            case "unhealthy" -> "!is unhealthy";
            default -> c.health().status();
        };
    }
}
