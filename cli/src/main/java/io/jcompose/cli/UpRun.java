package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.PullPolicy;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code up} and {@code create}: load → observe → plan → (dry run: print) → apply → wait or attach. */
final class UpRun {
    private UpRun() {
    }

    static int run(UpCommand cmd, StackSession session) throws InterruptedException {
        boolean dryRun = cmd.dryRun || session.globalDryRun();
        Desired desired = session.built(session.desired(), cmd.services, cmd.noDeps, cmd.noBuild, dryRun);
        PlanOptions options = options(cmd);
        Node node = session.node();
        Plan plan = Planner.plan(desired, ObservedState.of(node, desired.project()), options);
        if (dryRun) {
            for (String line : plan.describe()) session.out().println(line);
            session.out().flush();
            return 0;
        }
        for (String w : plan.warnings()) session.err().println("warning: " + w);
        Executor executor = session.executor(node, cmd.timeout);
        int code = session.report(executor.apply(plan));
        if (code != 0 || cmd.create || cmd.noStart) return code;
        if (cmd.await) return awaitReady(node, session, desired.project().name(), cmd.waitTimeout);
        if (cmd.detach) return 0;
        return Attach.attach(node, executor, session, desired.project().name(), plan.services().keySet(),
                !cmd.noLogPrefix, cmd.noColor, cmd.timestamps);
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
