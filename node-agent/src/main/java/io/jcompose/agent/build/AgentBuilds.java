package io.jcompose.agent.build;

import io.jcompose.agent.api.v1.BuildEventView;
import io.jcompose.agent.api.v1.BuildRequestBody;
import io.jcompose.agent.api.v1.ErrorBody;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.image.AgentImages;
import io.jcompose.image.ImageException;
import io.jcompose.image.ImageStore;
import io.jcompose.image.build.BuildEvent;
import io.jcompose.image.build.BuildException;
import io.jcompose.image.build.BuildRequest;
import io.jcompose.image.build.Builder;
import io.jcompose.image.build.StepRunner;
import io.jcompose.image.catalog.ImageRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agent's side of {@code POST /v1/builds}: checks the request's paths, runs the image store's
 * builder with RUN steps executed by {@link BuildStepRunner}, and turns its progress into wire events.
 */
public final class AgentBuilds {
    private final Builder builder;

    /** A builder over {@code store}; what a killed agent's builds left (step snapshots, work files) goes first. */
    public AgentBuilds(ImageStore store, StepRunner runner) {
        this.builder = new Builder(store, runner);
        builder.removeAbandoned();
    }

    /** Fails before the stream starts, so a bad request gets its own status. */
    public BuildRequest check(BuildRequestBody body) {
        if (body.context() == null || body.context().isBlank()) {
            throw AgentException.invalid("the build has no context", "give the build context directory");
        }
        Path context = absolute(body.context(), "context");
        if (!Files.isDirectory(context)) {
            throw AgentException.invalid("build context " + context + " is not a directory",
                    "give an existing directory as build.context");
        }
        Path dockerfile = null;
        if (body.dockerfileInline() == null) {
            dockerfile = body.dockerfile() == null ? context.resolve("Dockerfile") : absolute(body.dockerfile(), "dockerfile");
            if (!Files.isRegularFile(dockerfile)) {
                throw AgentException.invalid("Dockerfile " + dockerfile + " does not exist",
                        "create it, or point build.dockerfile at the right file (relative to the context)");
            }
        }
        Map<String, Path> additional = new LinkedHashMap<>();
        body.additionalContexts().forEach((name, dir) -> {
            Path p = absolute(dir, "additional context " + name);
            if (!Files.isDirectory(p)) {
                throw AgentException.invalid("additional context " + name + " (" + p + ") is not a directory",
                        "give an existing directory; images and URLs are not supported as additional contexts");
            }
            additional.put(name, p);
        });
        String network = body.network() == null || body.network().isBlank() || body.network().equals("default")
                ? "none" : body.network();
        if (!network.equals("none") && !network.equals("host")) {
            throw AgentException.invalid("build network \"" + body.network() + "\" is not supported",
                    "use none (RUN steps without network, the default) or host");
        }
        return new BuildRequest(context, dockerfile, body.dockerfileInline(), body.args(), body.target(),
                body.labels(), body.tags(), body.noCache(), body.pull(), network, body.extraHosts(), body.shmSize(),
                additional);
    }

    /** Builds, streaming events; the last one is {@code done} or {@code failed}. */
    public void build(BuildRequest request, Consumer<BuildEventView> out) {
        try {
            ImageRecord image = builder.build(request, e -> out.accept(view(e)));
            out.accept(new BuildEventView("done", null, null, null, null, null, null, image.id().toString(),
                    image.tags(), null));
        } catch (BuildException e) {
            out.accept(BuildEventView.failed(new ErrorBody(ErrorKind.INVALID_ARGUMENT.name(), e.problem(), e.fix())));
        } catch (ImageException e) {
            out.accept(BuildEventView.failed(new ErrorBody(AgentImages.kind(e.kind()).name(), e.problem(), e.fix())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.accept(BuildEventView.failed(new ErrorBody(ErrorKind.UNAVAILABLE.name(),
                    "the build was cancelled", null)));
        }
    }

    static BuildEventView view(BuildEvent e) {
        return switch (e) {
            case BuildEvent.StepStarted s -> new BuildEventView("step", s.number(), s.total(), s.stage(), s.text(),
                    null, null, null, null, null);
            case BuildEvent.StepCached c -> new BuildEventView("cached", c.number(), null, null, null, null, null,
                    null, null, null);
            case BuildEvent.StepOutput o -> new BuildEventView("output", o.number(), null, null, null, o.line(), null,
                    null, null, null);
            case BuildEvent.StepDone d -> new BuildEventView("stepDone", d.number(), null, null, null, null, d.millis(),
                    null, null, null);
            case BuildEvent.Done d -> new BuildEventView("built", null, null, null, null, null, null, d.imageId(),
                    d.tags(), null);
        };
    }

    private static Path absolute(String path, String what) {
        Path p = Path.of(path);
        if (!p.isAbsolute()) {
            throw AgentException.invalid(what + " path \"" + path + "\" is not absolute",
                    "send absolute paths (the CLI resolves them against the compose file's directory)");
        }
        return p.normalize();
    }
}
