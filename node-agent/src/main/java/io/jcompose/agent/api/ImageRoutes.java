package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.BuildEventView;
import io.jcompose.agent.api.v1.BuildRequestBody;
import io.jcompose.agent.api.v1.ErrorBody;
import io.jcompose.agent.api.v1.PullImageRequest;
import io.jcompose.agent.api.v1.PullProgressView;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.build.AgentBuilds;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.image.AgentImages;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * The {@code /v1/images} endpoints. An image reference contains {@code /} and {@code :}, so it travels
 * URL-encoded in one path segment ({@code /v1/images/docker.io%2Flibrary%2Fredis:7}).
 */
final class ImageRoutes {
    private static final System.Logger LOG = System.getLogger(ImageRoutes.class.getName());
    /** The segments after {@code /v1/images} that are operations, not image references. */
    static final List<String> OPERATIONS = List.of("pull", "load", "prune", "save");

    private final AgentImages images;

    ImageRoutes(AgentImages images) {
        this.images = images;
    }

    /** Serves {@code route} (as {@link Routes} shapes it); false when it is not an image route. */
    boolean serve(String route, ApiRequest r, Reply reply) {
        List<String> s = r.segments();
        switch (route) {
            case "GET /v1/images" -> reply.json(HttpResponseStatus.OK, images.list());
            case "GET /v1/images/*" -> reply.json(HttpResponseStatus.OK, images.inspect(s.get(2)));
            case "DELETE /v1/images/*" -> {
                images.remove(s.get(2), r.flag("force", false));
                reply.json(HttpResponseStatus.NO_CONTENT, null);
            }
            case "POST /v1/images/prune" -> reply.json(HttpResponseStatus.OK, images.prune(r.flag("all", false)));
            case "POST /v1/images/pull" -> pull(r, reply);
            case "POST /v1/images/load" -> load(r, reply);
            case "GET /v1/images/save" -> save(r, reply);
            case "POST /v1/builds" -> build(r, reply);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void pull(ApiRequest r, Reply reply) {
        PullImageRequest body = WireJson.read(r.body(), PullImageRequest.class);
        images.checkPull(body.reference(), body.platform()); // a bad request still gets its error status
        reply.startStream();
        try {
            var image = images.pull(body.reference(), body.platform(), reply::streamLine);
            reply.streamLine(new PullProgressView(null, "done", null, null, null, image, null));
        } catch (AgentException e) {
            reply.streamLine(failed(e));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pull of " + body.reference() + " failed", e);
            reply.streamLine(failed(AgentException.internal(e.toString(), e)));
        } finally {
            reply.endStream();
        }
    }

    private void build(ApiRequest r, Reply reply) {
        AgentBuilds builds = images.builds();
        if (builds == null) {
            throw AgentException.unavailable("this agent cannot build images", "run the agent with an OCI runtime");
        }
        BuildRequestBody body = WireJson.read(r.body(), BuildRequestBody.class);
        var request = builds.check(body); // a bad request still gets its error status
        reply.startStream();
        try {
            builds.build(request, reply::streamLine);
        } catch (AgentException e) {
            reply.streamLine(BuildEventView.failed(new ErrorBody(e.kind().name(), e.problem(), e.fix())));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "build of " + body.context() + " failed", e);
            reply.streamLine(BuildEventView.failed(new ErrorBody("INTERNAL", e.toString(), null)));
        } finally {
            reply.endStream();
        }
    }

    private static PullProgressView failed(AgentException e) {
        return new PullProgressView(null, "failed", null, null, null, null,
                new ErrorBody(e.kind().name(), e.problem(), e.fix()));
    }

    private void load(ApiRequest r, Reply reply) {
        if (r.upload() == null) {
            throw AgentException.invalid("the load has no archive", "send a docker-archive or OCI-layout tar as the body");
        }
        try (InputStream in = Files.newInputStream(r.upload())) {
            reply.json(HttpResponseStatus.OK, images.load(in));
        } catch (IOException e) {
            throw AgentException.internal("cannot read the uploaded archive: " + e.getMessage(), e);
        }
    }

    private void save(ApiRequest r, Reply reply) {
        List<String> refs = r.params("ref");
        String format = r.param("format");
        // Errors found before the first byte (unknown image, bad format) get a status; later ones cut the body short.
        images.checkSave(refs, format);
        reply.startStream("application/x-tar");
        try (OutputStream out = reply.streamBody()) {
            images.save(refs, format, out);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "save of " + refs + " broke off", e);
            reply.abortStream();
            return;
        }
        reply.endStream();
    }
}
