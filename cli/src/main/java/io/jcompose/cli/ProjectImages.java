package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.ProjectBinder;
import io.jcompose.model.project.PullPolicy;
import io.jcompose.model.project.Service;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code pull} and {@code images} for a project: what the services name, through the agent. */
final class ProjectImages {
    private static final String PROJECT_LABEL = "com.docker.compose.project";
    private static final String SERVICE_LABEL = "com.docker.compose.service";

    private final GlobalOptions global;
    private final CliContext context;
    private final PrintWriter out;
    private final PrintWriter err;

    ProjectImages(GlobalOptions global, CliContext context, PrintWriter out, PrintWriter err) {
        this.global = global;
        this.context = context;
        this.out = out;
        this.err = err;
    }

    private Project project() {
        return ProjectBinder.bind(ProjectLoading.load(ProjectLoading.options(global, context), err));
    }

    private static List<Service> selected(Project project, List<String> names) {
        List<Service> services = new ArrayList<>();
        for (String name : names.isEmpty() ? project.serviceNames() : names) {
            services.add(project.service(name)); // an unknown name fails here, naming the known ones
        }
        return services;
    }

    /**
     * Pulls every selected service's image at once. Skipped: services without an image, with pull_policy
     * never or build, and (policy missing) images already present.
     */
    int pull(List<String> names, boolean quiet, boolean ignoreFailures, String policyOverride) {
        Project project = project();
        List<Service> services = selected(project, names);
        AgentClient agent = new AgentConnection(context).connect(err);
        ImageActions.PullProgress progress = new ImageActions.PullProgress(err, quiet);
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<Service> toPull = new ArrayList<>();
        for (Service s : services) {
            String skip = skipReason(agent, s, policyOverride);
            if (skip != null) {
                note(quiet, s.name() + " Skipped - " + skip);
            } else {
                toPull.add(s);
            }
        }
        List<Thread> pulls = new ArrayList<>();
        for (Service s : onePerImage(toPull)) {
            String name = s.name().toString();
            pulls.add(Thread.ofPlatform().daemon().name("pull-" + name).start(() -> {
                try {
                    // The agent's progress stream ends with "pulled", which prints the service's "Pulled" line.
                    agent.pullImage(s.image(), s.platform(), line -> progress.show(name, line));
                } catch (AgentException e) {
                    failures.put(name, e.getMessage());
                    note(false, name + " Error " + e.getMessage());
                }
            }));
        }
        for (Thread t : pulls) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailure("interrupted while pulling", e);
            }
        }
        if (failures.isEmpty()) {
            return 0;
        }
        if (ignoreFailures) {
            failures.keySet().forEach(name -> note(false, "warning: the image of " + name + " was not pulled"));
            return 0;
        }
        throw new CommandFailure("failed to pull the image" + (failures.size() == 1 ? " of " : "s of ")
                + String.join(", ", failures.keySet().stream().sorted().toList())
                + " — see the errors above; --ignore-pull-failures pulls the rest anyway");
    }

    /**
     * The first service of each image: services sharing an image share its pull, as in docker compose, instead
     * of fetching it twice at once.
     */
    static List<Service> onePerImage(List<Service> services) {
        Map<String, Service> byImage = new LinkedHashMap<>();
        for (Service s : services) {
            byImage.putIfAbsent(s.image(), s);
        }
        return List.copyOf(byImage.values());
    }

    private static String skipReason(AgentClient agent, Service s, String policyOverride) {
        if (s.image() == null || s.image().isEmpty()) {
            return "No image to be pulled";
        }
        String policy = policyOverride != null ? policyOverride
                : s.pullPolicy() == null ? "always" : s.pullPolicy().kind().name().toLowerCase(java.util.Locale.ROOT);
        return switch (policy) {
            case "never" -> "pull_policy is never";
            case "build" -> "pull_policy is build";
            case "missing" -> present(agent, s.image()) ? "Image is already present locally" : null;
            default -> null;
        };
    }

    private static boolean present(AgentClient agent, String image) {
        try {
            agent.inspectImage(image);
            return true;
        } catch (AgentException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) return false;
            throw e;
        }
    }

    private void note(boolean quiet, String line) {
        if (quiet) return;
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    /** {@code docker compose images}: one row per container of the project, with its image. */
    int list(List<String> names, boolean quiet, ImageCommand.Format format) {
        Project project = project();
        List<String> services = selected(project, names).stream().map(s -> s.name().toString()).toList();
        AgentClient agent = new AgentConnection(context).connect(err);
        Map<String, ImageView> images = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"});
        List<Map<String, Object>> json = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ContainerView c : agent.list(List.of(PROJECT_LABEL + "=" + project.name()))) {
            if (c.imageId() == null || !services.contains(c.labels().get(SERVICE_LABEL))) continue;
            ImageView image = images.computeIfAbsent(c.imageId(), agent::inspectImage);
            ImageListing.Row r = ImageListing.rows(image).getFirst();
            if (!ids.contains(image.id())) ids.add(image.id());
            rows.add(new String[] {c.name(), r.repository(), r.tag(), r.id(), ImageListing.size(r.size())});
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ID", image.id());
            o.put("ContainerName", c.name());
            o.put("Repository", r.repository());
            o.put("Tag", r.tag());
            o.put("Platform", image.platform());
            o.put("Size", image.size());
            json.add(o);
        }
        if (quiet) {
            ids.forEach(id -> out.println(ImageListing.shortId(id)));
        } else if (format == ImageCommand.Format.json) {
            out.println(WireJson.text(json));
        } else {
            out.print(ImageListing.columns(rows));
        }
        out.flush();
        return 0;
    }
}
