package io.jcompose.cli;

import io.jcompose.agent.api.v1.BuildEventView;
import io.jcompose.agent.api.v1.BuildRequestBody;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.model.project.BuildConfig;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.PullPolicy;
import io.jcompose.model.project.Service;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the images of services with a {@code build:} section through the agent, and hands the project back
 * with each such service's image set to what was built ({@code image:} when given, else
 * {@code <project>-<service>}). {@code up}, {@code create} and {@code run} build every time: the agent's step
 * cache makes an unchanged build a few hash checks, and a changed Dockerfile, build argument or context file
 * gives a new image id, which the planner then answers with a new container. {@code --no-build} skips this.
 */
final class ProjectBuilds {
    /**
     * @param skip    {@code --no-build}: use what is there (an absent image is an error)
     * @param noCache run every step again
     * @param pull    pull base images even when present
     * @param args    {@code --build-arg}s, over the file's {@code args}
     * @param quiet   print nothing but failures
     */
    record Choice(boolean skip, boolean noCache, boolean pull, Map<String, String> args, boolean quiet) {
        static final Choice DEFAULT = new Choice(false, false, false, Map.of(), false);
    }

    private ProjectBuilds() {
    }

    /** The image a service runs: its {@code image:}, or docker compose's name for a built one. */
    static String imageName(Project project, String service, Service s) {
        if (s.image() != null && !s.image().isEmpty()) return s.image();
        return (project.name() + "-" + service).toLowerCase(Locale.ROOT);
    }

    /** {@code names} (all services when empty) and, unless {@code noDeps}, what they depend on. */
    static Set<String> considered(Project project, List<String> names, boolean noDeps) {
        if (names.isEmpty()) return project.services().keySet();
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Service s = project.services().get(name);
            if (s == null || !out.add(name) || noDeps) continue;
            todo.addAll(s.dependsOn().keySet());
        }
        return out;
    }

    /**
     * Builds (or with {@code skip}, checks) the images of {@code services}, several at once as docker compose does
     * (a service naming an image another one builds is built once); the project with their image names. When a
     * build fails, the others still finish (their steps land in the cache) and the first failure is reported.
     */
    static Project buildAll(Project project, Set<String> services, Choice choice, AgentClient agent,
                            Map<String, String> environment, PrintWriter err) {
        Project out = project;
        Map<String, Runnable> builds = new LinkedHashMap<>(); // by image: one build per image
        StepNumbers numbers = new StepNumbers();
        for (String name : services) {
            Service s = project.services().get(name);
            if (s == null || s.build() == null) continue;
            String image = imageName(project, name, s);
            if (choice.skip() && s.pullPolicy() != null && s.pullPolicy().kind() == PullPolicy.Kind.BUILD) {
                throw new CommandFailure("service " + name + " has pull_policy: build and --no-build was given — drop --no-build, or change pull_policy");
            }
            if (choice.skip()) {
                if (NodeConnection.node(agent).findImage(image).isEmpty()) {
                    throw new CommandFailure("image " + image + " of service " + name + " has not been built — run jcompose build " + name + ", or drop --no-build");
                }
            } else if (!builds.containsKey(image)) {
                BuildRequestBody request = request(project, name, s, image, choice, environment);
                builds.put(image, () -> build(name, request, agent, choice.quiet(), err, numbers));
            }
            out = out.withService(s.withImage(image));
        }
        runAll(List.copyOf(builds.values()));
        return out;
    }

    /** Runs the builds, at once when there are several; rethrows the first failure once all have ended. */
    private static void runAll(List<Runnable> builds) {
        if (builds.size() == 1) {
            builds.getFirst().run();
            return;
        }
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Runnable b : builds) {
            threads.add(Thread.ofPlatform().daemon().name("build").start(() -> {
                try {
                    b.run();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        try {
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while building", e);
        }
        if (!failures.isEmpty()) throw failures.getFirst();
    }

    /**
     * BuildKit-style step numbers unique across the builds of one command: with several at once, {@code #7 DONE}
     * must say which step of which image it closes.
     */
    static final class StepNumbers {
        private final Map<String, Integer> numbers = new java.util.HashMap<>();

        synchronized int of(String service, int step) {
            return numbers.computeIfAbsent(service + "#" + step, k -> numbers.size() + 1);
        }
    }

    static BuildRequestBody request(Project project, String name, Service s, String image, Choice choice,
                                    Map<String, String> environment) {
        BuildConfig b = s.build();
        String context = b.context() == null || b.context().isEmpty() ? "." : b.context();
        if (context.contains("://") || context.startsWith("git@") || context.startsWith("service:")) {
            throw new CommandFailure("service " + name + ": build context " + context + " is not a local directory — jcompose builds from local directories; clone the repository and point context at it");
        }
        Path contextDir = project.workingDir().resolve(context).normalize();
        String dockerfile = null;
        if (b.dockerfileInline() == null) {
            String file = b.dockerfile() == null || b.dockerfile().isEmpty() ? "Dockerfile" : b.dockerfile();
            dockerfile = contextDir.resolve(file).normalize().toString();
        }
        Map<String, String> args = new LinkedHashMap<>();
        b.args().forEach((k, v) -> {
            // A bare `- NAME` takes the value from the environment, and is left out when that has none.
            String value = v != null ? v : environment.get(k);
            if (value != null) args.put(k, value);
        });
        args.putAll(choice.args());
        List<String> tags = new ArrayList<>();
        tags.add(image);
        for (String t : b.tags()) if (!tags.contains(t)) tags.add(t);
        Map<String, String> additional = new LinkedHashMap<>();
        b.additionalContexts().forEach((k, v) -> {
            if (v.contains("://") || v.startsWith("docker-image://") || v.startsWith("service:")) {
                throw new CommandFailure("service " + name + ": additional context " + k + " (" + v
                        + ") is not a local directory — give a directory path");
            }
            additional.put(k, project.workingDir().resolve(v).normalize().toString());
        });
        return new BuildRequestBody(contextDir.toString(), dockerfile, b.dockerfileInline(), args, b.target(),
                b.labels(), tags, choice.noCache() || b.noCache(), choice.pull() || b.pull(), b.network(),
                b.extraHosts(), b.shmSize(), additional);
    }

    /** One build, its steps printed like BuildKit's plain progress: {@code #3 [web 2/4] COPY . /app}. */
    static BuildEventView build(String name, BuildRequestBody request, AgentClient agent, boolean quiet,
                                PrintWriter err, StepNumbers numbers) {
        BuildEventView done = agent.build(request, e -> {
            if (quiet) return;
            String line = switch (e.type()) {
                case "step" -> "[" + name + " " + e.step() + "/" + e.total() + "] " + e.text();
                case "cached" -> "CACHED";
                case "output" -> e.line();
                case "stepDone" -> "DONE " + String.format(Locale.ROOT, "%.1fs", e.millis() / 1000.0);
                default -> null;
            };
            if (line == null) return;
            synchronized (err) {
                err.println("#" + numbers.of(name, e.step()) + " " + line);
                err.flush();
            }
        });
        if (!quiet) {
            synchronized (err) {
                err.println(" ✔ Image " + request.tags().getFirst() + "  Built (" + shortId(done.imageId()) + ")");
                err.flush();
            }
        }
        return done;
    }

    private static String shortId(String id) {
        if (id == null) return "";
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
