package io.jcompose.scheduler.plan;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.PullPolicy;
import io.jcompose.model.project.Service;
import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.graph.DependencyEdge;
import io.jcompose.scheduler.graph.ServiceGraph;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.plan.Action.ContainerAction;
import io.jcompose.scheduler.translate.SpecTranslator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The planner: desired × observed × options → {@link Plan}. A pure function: it reads its arguments and
 * nothing else, so {@code up --dry-run} prints exactly what {@code up} does and the rules are tested as tables.
 *
 * <p>Per replica the rules are docker compose's convergence: no container → create; {@code --force-recreate},
 * a different config hash, a different image, or a namespace-sharing dependency that gets a new container →
 * recreate; otherwise start it if stopped, or keep it. Replicas above the scale are removed, highest number first.
 */
public final class Planner {
    private Planner() {
    }

    public static Plan plan(Desired desired, ObservedState observed, PlanOptions options) {
        Project project = desired.project();
        ServiceGraph graph = ServiceGraph.of(project);
        for (String s : options.services()) project.service(s);
        for (String s : options.scale().keySet()) project.service(s);
        List<String> considered = options.services().isEmpty() ? graph.startOrder()
                : options.noDeps() ? graph.startOrder().stream().filter(options.services()::contains).toList()
                : graph.withDependencies(options.services());
        Set<String> selected = options.services().isEmpty() ? Set.copyOf(considered) : Set.copyOf(options.services());
        checkWorkingDir(project, observed);

        List<String> warnings = new ArrayList<>();
        List<Action> resources = Resources.plan(project, considered, observed, warnings);
        List<Action.PullImage> pulls = pulls(project, considered, observed, options);

        Map<String, List<ContainerAction>> services = new LinkedHashMap<>();
        Set<String> replaced = new HashSet<>();
        for (String name : considered) {
            Service service = project.service(name);
            int scale = options.scale().getOrDefault(name, service.replicas());
            if (service.containerName() != null && scale > 1) {
                throw new SchedulerException("service " + name + " has container_name " + service.containerName()
                        + " and cannot run " + scale + " containers", "remove container_name or scale it to 1");
            }
            PlanOptions.Recreate policy = selected.contains(name) ? options.recreate()
                    : options.alwaysRecreateDeps() ? PlanOptions.Recreate.FORCE : PlanOptions.Recreate.DIVERGED;
            List<ContainerAction> actions = new ArrayList<>();
            Map<Integer, ContainerView> byNumber = new TreeMap<>();
            for (ContainerView c : serviceContainers(observed, name)) {
                ContainerView previous = byNumber.putIfAbsent(number(c), c);
                if (previous != null) actions.add(new Action.RemoveContainer(name, c,
                        "another container has number " + number(c)));
            }
            for (int n = 1; n <= scale; n++) {
                Map<String, String> labels = labels(desired, graph, service, n);
                SpecTranslator.Translation t = SpecTranslator.translate(project, service, n, labels);
                if (n == 1) t.warnings().forEach(warnings::add);
                ContainerView existing = byNumber.get(n);
                if (existing == null) {
                    actions.add(new Action.CreateContainer(name, n, t.request(),
                            n == 1 && byNumber.isEmpty() ? "no container yet" : "scale up to " + scale));
                    replaced.add(name);
                    continue;
                }
                String why = recreateReason(policy, desired, observed, graph, service, existing, t, replaced);
                if (why != null) {
                    actions.add(new Action.RecreateContainer(name, n, existing, t.request(), why));
                    replaced.add(name);
                } else if (!options.start() || "running".equals(existing.state())) {
                    String restart = restartReason(graph, name, replaced);
                    actions.add(restart != null && options.start()
                            ? new Action.RestartContainer(name, n, existing, restart)
                            : new Action.KeepContainer(name, n, existing, "up to date"
                            + (policy == PlanOptions.Recreate.NEVER ? " (--no-recreate)" : "")));
                } else {
                    actions.add(new Action.StartContainer(name, n, existing, "up to date, " + existing.state()));
                }
            }
            for (Map.Entry<Integer, ContainerView> e : byNumber.entrySet()) {
                if (e.getKey() > scale) {
                    actions.add(new Action.RemoveContainer(name, e.getValue(), "scale down to " + scale));
                }
            }
            services.put(name, actions);
        }
        return new Plan(project.name(), resources, pulls, services, orphans(project, observed, options, warnings),
                graph, options.start(), warnings);
    }

    /** The labels of one replica, docker compose's spelling; the image id is added when it is known (executor). */
    public static Map<String, String> labels(Desired desired, ServiceGraph graph, Service service, int number) {
        Project project = desired.project();
        String name = service.name().value();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.SERVICE, name);
        labels.put(Labels.CONTAINER_NUMBER, Integer.toString(number));
        labels.put(Labels.CONFIG_HASH, desired.hash(name));
        labels.put(Labels.ONEOFF, "False");
        if (project.workingDir() != null) labels.put(Labels.WORKING_DIR, project.workingDir().toString());
        if (!desired.configFiles().isEmpty()) labels.put(Labels.CONFIG_FILES, String.join(",", desired.configFiles()));
        labels.put(Labels.DEPENDS_ON, Labels.dependsOn(graph.dependenciesOf(name)));
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        return labels;
    }

    private static String recreateReason(PlanOptions.Recreate policy, Desired desired, ObservedState observed,
                                         ServiceGraph graph, Service service, ContainerView existing,
                                         SpecTranslator.Translation t, Set<String> replaced) {
        if (policy == PlanOptions.Recreate.NEVER) return null;
        if (policy == PlanOptions.Recreate.FORCE) return "forced (--force-recreate or --always-recreate-deps)";
        String name = service.name().value();
        String hash = existing.labels().get(Labels.CONFIG_HASH);
        if (!desired.hash(name).equals(hash)) {
            List<String> fields = SpecDiff.fields(existing.spec(), t.request().spec(), existing.labels(),
                    t.request().labels());
            return fields.isEmpty() ? "configuration changed (config hash differs)"
                    : "configuration changed: " + String.join(", ", fields);
        }
        var image = observed.images().get(service.image());
        if (image != null && existing.imageId() != null && !image.id().equals(existing.imageId())) {
            return "image " + service.image() + " changed: " + shortId(existing.imageId()) + " → " + shortId(image.id());
        }
        for (DependencyEdge e : graph.dependenciesOf(name)) {
            if (e.kind().sharesNamespace() && replaced.contains(e.dependency())) {
                return "shares the " + e.kind().source().replace(": service:", "") + " namespace of "
                        + e.dependency() + ", which gets a new container";
            }
        }
        return null;
    }

    private static String restartReason(ServiceGraph graph, String name, Set<String> replaced) {
        for (DependencyEdge e : graph.dependenciesOf(name)) {
            if (e.restart() && replaced.contains(e.dependency())) {
                return "dependency " + e.dependency() + " gets a new container (restart: true)";
            }
        }
        return null;
    }

    private static List<Action.PullImage> pulls(Project project, List<String> considered, ObservedState observed,
                                                PlanOptions options) {
        Map<String, List<String>> users = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<String, String> platforms = new LinkedHashMap<>();
        for (String name : considered) {
            Service s = project.service(name);
            if (s.image() == null || s.image().isEmpty()) continue;
            if (s.build() != null) continue; // built before planning (the CLI builds every build: service), never pulled
            boolean present = observed.images().containsKey(s.image());
            PullPolicy.Kind policy = options.pull() != null ? options.pull()
                    : s.pullPolicy() == null ? PullPolicy.Kind.MISSING : s.pullPolicy().kind();
            String reason = switch (policy) {
                case ALWAYS -> options.pull() != null ? "--pull always" : "pull_policy: always";
                case MISSING, REFRESH -> present ? null : "not present locally";
                case BUILD -> throw new SchedulerException("service " + name + " has pull_policy: build but no build section",
                        "add build: with the image's context, or use pull_policy: missing");
                case NEVER -> {
                    if (!present) {
                        throw new SchedulerException("image " + s.image() + " of service " + name
                                + " is not present and pulling is disabled (pull_policy/--pull never)",
                                "load the image first, or allow pulling with --pull missing");
                    }
                    yield null;
                }
            };
            if (reason == null) continue;
            users.computeIfAbsent(s.image(), k -> new ArrayList<>()).add(name);
            reasons.putIfAbsent(s.image(), reason);
            if (s.platform() != null) platforms.putIfAbsent(s.image(), s.platform());
        }
        List<Action.PullImage> out = new ArrayList<>();
        users.forEach((image, services) -> out.add(new Action.PullImage(image, platforms.get(image), services,
                reasons.get(image))));
        return out;
    }

    private static List<Action.RemoveContainer> orphans(Project project, ObservedState observed, PlanOptions options,
                                                        List<String> warnings) {
        List<ContainerView> found = observed.containers().stream()
                .filter(c -> !"True".equals(c.labels().get(Labels.ONEOFF)))
                .filter(c -> !project.services().containsKey(c.labels().getOrDefault(Labels.SERVICE, "")))
                .sorted(Planner::byName).toList();
        if (found.isEmpty()) return List.of();
        if (!options.removeOrphans()) {
            warnings.add("found orphan containers (" + String.join(", ", found.stream().map(ContainerView::name).toList())
                    + ") for this project; if you removed or renamed their service, run this command with "
                    + "--remove-orphans to clean them up");
            return List.of();
        }
        return found.stream().map(c -> new Action.RemoveContainer(c.labels().getOrDefault(Labels.SERVICE, ""), c,
                "orphan: service " + c.labels().getOrDefault(Labels.SERVICE, "?") + " is not in the compose file")).toList();
    }

    /** Another directory's project of the same name is a collision, not something to converge. */
    private static void checkWorkingDir(Project project, ObservedState observed) {
        if (project.workingDir() == null) return;
        Set<String> others = new LinkedHashSet<>();
        for (ContainerView c : observed.containers()) {
            String dir = c.labels().get(Labels.WORKING_DIR);
            if (dir != null && !dir.equals(project.workingDir().toString())) others.add(dir);
        }
        if (!others.isEmpty()) {
            throw new SchedulerException("project " + project.name() + " already runs from " + String.join(", ", others)
                    + ", not from " + project.workingDir(), "pick another project name with -p NAME, or run "
                    + "'jcompose -p " + project.name() + " down' first");
        }
    }

    static List<ContainerView> serviceContainers(ObservedState observed, String service) {
        return observed.containers().stream()
                .filter(c -> service.equals(c.labels().get(Labels.SERVICE)))
                .filter(c -> !"True".equals(c.labels().get(Labels.ONEOFF)))
                .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }

    /**
     * By name. Comparators here are lambdas of this class rather than {@code Comparator.comparing}: the JDK's are
     * serializable lambdas, which the startup cache never holds, so each was spun again by every command.
     */
    private static int byName(ContainerView a, ContainerView b) {
        return a.name().compareTo(b.name());
    }

    static int number(ContainerView c) {
        try {
            return Integer.parseInt(c.labels().getOrDefault(Labels.CONTAINER_NUMBER, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
