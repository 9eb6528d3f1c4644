package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.PortCheckRequest;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.api.v1.SpecBodies;
import io.jcompose.agent.api.v1.StopProgressView;
import io.jcompose.agent.api.v1.StopSequenceRequest;
import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.api.v1.WaitResult;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.VolumeCreateRequest;
import io.jcompose.agent.volume.VolumeService;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.Execs;
import io.jcompose.agent.container.StopSequence;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.event.EventBus;
import io.jcompose.agent.image.AgentImages;
import io.jcompose.agent.log.LogQuery;
import io.jcompose.agent.network.AgentNetworks;
import io.jcompose.agent.state.LabelFilter;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The v1 endpoints: which method and path does what. Each handler translates the wire request to a
 * service call and the result back; failures travel as {@link AgentException} to {@link Reply#error}.
 * docs/api/openapi.yaml documents the same table.
 */
final class Routes {
    private static final System.Logger LOG = System.getLogger(Routes.class.getName());
    private final ContainerService containers;
    private final AgentNetworks networks;
    private final EventBus events;
    private final Supplier<VersionView> version;
    private final VolumeService volumes;
    private final AgentImages images;
    private final ImageRoutes imageRoutes;
    private final ExecStreams execStreams;
    private final ArchiveRoutes archiveRoutes;
    private final AttachStreams attachStreams;

    /** With {@code volumes} or {@code images} null their endpoints answer NOT_FOUND / UNAVAILABLE. */
    Routes(ContainerService containers, AgentNetworks networks, EventBus events, Supplier<VersionView> version,
           VolumeService volumes, AgentImages images) {
        this.containers = containers;
        this.networks = networks;
        this.events = events;
        this.version = version;
        this.volumes = volumes;
        this.images = images;
        this.imageRoutes = images == null ? null : new ImageRoutes(images);
        this.execStreams = new ExecStreams(containers);
        this.archiveRoutes = new ArchiveRoutes(new io.jcompose.agent.archive.ContainerArchives(containers, images, volumes));
        this.attachStreams = new AttachStreams(containers);
    }

    void serve(ApiRequest request, Reply reply) {
        try {
            dispatch(request, reply);
        } catch (AgentException e) {
            reply.error(e);
        } catch (RuntimeException e) {
            reply.error(AgentException.internal(e.toString(), e));
        }
    }

    private void dispatch(ApiRequest r, Reply reply) {
        List<String> s = r.segments();
        if (s.isEmpty() || !s.getFirst().equals("v1")) {
            throw AgentException.notFound("no such endpoint: /" + String.join("/", s), "the API lives under /v1");
        }
        String route = r.method() + " " + shape(s);
        switch (route) {
            case "GET /v1/version" -> reply.json(HttpResponseStatus.OK, version.get());
            case "GET /v1/containers" -> reply.json(HttpResponseStatus.OK,
                    containers.list(filters(r)).stream().map(this::view).toList());
            case "POST /v1/containers" -> {
                CreateContainerRequest body = WireJson.read(r.body(), CreateContainerRequest.class);
                var created = containers.create(images != null && AgentImages.fromImage(body.spec())
                        ? images.createRequest(body)
                        : new ContainerService.CreateRequest(body.name(), body.labels(), SpecBodies.toDomain(body.spec())));
                reply.json(HttpResponseStatus.CREATED, view(created));
            }
            case "GET /v1/containers/*" -> reply.json(HttpResponseStatus.OK, view(containers.inspect(s.get(2))));
            case "DELETE /v1/containers/*" -> {
                containers.remove(s.get(2), r.flag("force", false), r.flag("volumes", false));
                reply.json(HttpResponseStatus.NO_CONTENT, null);
            }
            case "POST /v1/containers/*/start" -> ok(reply, containers.start(s.get(2)));
            case "POST /v1/containers/*/prepare" -> ok(reply, containers.prepare(s.get(2)));
            case "POST /v1/containers/*/stop" -> {
                String timeout = r.param("timeout");
                ok(reply, containers.stop(s.get(2), timeout == null ? null : Duration.ofSeconds(r.integer("timeout", 10))));
            }
            case "POST /v1/stops" -> stops(r, reply);
            case "POST /v1/containers/*/kill" -> ok(reply, containers.kill(s.get(2), r.param("signal")));
            case "POST /v1/containers/*/pause" -> ok(reply, containers.pause(s.get(2)));
            case "POST /v1/containers/*/unpause" -> ok(reply, containers.unpause(s.get(2)));
            case "POST /v1/containers/*/wait" -> containers.waitForExit(s.get(2)).whenComplete((c, e) -> {
                if (e == null) {
                    reply.json(HttpResponseStatus.OK, new WaitResult(c.exitCode() == null ? 0 : c.exitCode(), c.oomKilled()));
                } else {
                    reply.error(AgentException.internal("wait failed: " + e, e));
                }
            });
            case "POST /v1/containers/*/exec" -> {
                ExecRequest body = WireJson.read(r.body(), ExecRequest.class);
                Execs.Outcome outcome = containers.exec(s.get(2), new Execs.Request(
                        body.command() == null ? List.of() : body.command(), body.env(), body.user(), body.workingDir()));
                reply.json(HttpResponseStatus.OK, ApiViews.exec(outcome));
            }
            case "POST /v1/containers/*/exec/stream" -> execStreams.start(r, s.get(2), reply);
            case "POST /v1/containers/*/attach" -> attachStreams.attach(r, s.get(2), reply);
            case "GET /v1/containers/*/logs" -> logs(r, s.get(2), reply);
            case "GET /v1/containers/*/archive", "PUT /v1/containers/*/archive", "GET /v1/containers/*/archive/stat" ->
                    archiveRoutes.serve(route, r, reply);
            case "GET /v1/events" -> events(r, reply);
            case "POST /v1/volumes", "GET /v1/volumes", "GET /v1/volumes/*", "DELETE /v1/volumes/*" -> volumes(route, r, reply);
            case "POST /v1/networks" -> {
                var made = networks.createNetwork(WireJson.read(r.body(), NetworkCreateRequest.class));
                reply.json(made.created() ? HttpResponseStatus.CREATED : HttpResponseStatus.OK, made.network());
            }
            case "GET /v1/networks" -> reply.json(HttpResponseStatus.OK, networks.networks(filters(r)));
            case "GET /v1/networks/*" -> reply.json(HttpResponseStatus.OK, networks.inspectNetwork(s.get(2)));
            case "DELETE /v1/networks/*" -> {
                networks.removeNetwork(s.get(2));
                reply.json(HttpResponseStatus.NO_CONTENT, null);
            }
            case "POST /v1/ports/check" -> reply.json(HttpResponseStatus.OK,
                    networks.checkPorts(WireJson.read(r.body(), PortCheckRequest.class)));
            case "GET /v1/images", "GET /v1/images/*", "DELETE /v1/images/*", "POST /v1/images/pull",
                 "POST /v1/images/load", "POST /v1/images/prune", "GET /v1/images/save", "POST /v1/builds" -> {
                if (imageRoutes == null) {
                    throw AgentException.notFound("this agent has no image store", null);
                }
                imageRoutes.serve(route, r, reply);
            }
            default -> throw AgentException.notFound("no such endpoint: " + r.method() + " /" + String.join("/", s),
                    "see docs/api/openapi.yaml");
        }
    }

    private void logs(ApiRequest r, String ref, Reply reply) {
        LogQuery query = new LogQuery(r.flag("stdout", true), r.flag("stderr", true), r.integer("tail", -1),
                r.flag("follow", false), r.instant("since"), r.instant("until"));
        containers.inspect(ref); // a missing container is an error status, not an empty stream
        CompletableFuture<Void> gone = new CompletableFuture<>();
        reply.channel().closeFuture().addListener(f -> gone.complete(null));
        reply.startStream();
        try {
            containers.logs(ref, query, gone, entry -> reply.streamLine(ApiViews.log(entry)));
        } catch (RuntimeException e) {
            // The status line is sent already; all that is left is to end the stream early.
            LOG.log(System.Logger.Level.WARNING, "log stream of " + ref + " ended early", e);
        } finally {
            reply.endStream();
        }
    }

    /** A stop sequence: checked before the stream starts, so a bad one gets its error status. */
    private void stops(ApiRequest r, Reply reply) {
        StopSequenceRequest body = WireJson.read(r.body(), StopSequenceRequest.class);
        List<StopSequence.Step> steps = body.steps().stream()
                .map(s -> new StopSequence.Step(s.id(), s.stop(), s.after() == null ? List.of() : s.after())).toList();
        StopSequence.check(steps);
        List<LabelFilter> networkFilters = body.networkLabels() == null ? List.of()
                : body.networkLabels().stream().map(LabelFilter::parse).toList();
        reply.startStream();
        try {
            // The networks go as soon as every container has stopped (detached), beside the last removals: a
            // bridge's deletion waits ~40 ms for the kernel, which no longer follows the removals and a request.
            // Their lines come after every container's, in compose's order.
            CompletableFuture<List<StopProgressView>> networkLines = new CompletableFuture<>();
            Runnable removeNetworks = networkFilters.isEmpty() ? null : () -> networkLines.complete(removeNetworks(networkFilters));
            new StopSequence(containers).run(steps, body.timeout() == null ? null : Duration.ofSeconds(body.timeout()),
                    body.remove(), body.volumes(), p -> reply.streamLine(new StopProgressView(p.id(), p.type(), p.error())),
                    removeNetworks);
            if (removeNetworks != null) {
                for (StopProgressView line : networkLines.join()) {
                    // Tried again now that every removal is over: a container whose exit was recorded without its
                    // detach (by the reconciler, after an agent restart) is detached by its removal only.
                    reply.streamLine("failed".equals(line.type()) && line.network() != null ? removeNetwork(line.network()) : line);
                }
            }
            reply.streamLine(new StopProgressView(null, "done", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reply.endStream();
        }
    }

    /** Removes every network carrying all of {@code filters}' labels, one at a time; a line for each outcome. */
    private List<StopProgressView> removeNetworks(List<LabelFilter> filters) {
        List<StopProgressView> lines = new java.util.ArrayList<>();
        try {
            for (var n : networks.networks(filters)) {
                lines.add(removeNetwork(n.name()));
            }
        } catch (RuntimeException e) {
            lines.add(new StopProgressView(null, "failed", "cannot list the networks: " + e.getMessage(), null));
        }
        return lines;
    }

    private StopProgressView removeNetwork(String name) {
        try {
            networks.removeNetwork(name);
            return new StopProgressView(null, "removed", null, name);
        } catch (RuntimeException e) {
            return new StopProgressView(null, "failed", e.getMessage(), name);
        }
    }

    private void events(ApiRequest r, Reply reply) {
        List<LabelFilter> filters = filters(r);
        reply.startStream();
        AutoCloseable subscription = events.subscribe(event -> {
            boolean wanted = filters.stream().allMatch(f -> event.labels().containsKey(f.key())
                    && (f.value() == null || f.value().equals(event.labels().get(f.key()))));
            if (wanted && !reply.streamLine(ApiViews.event(event))) {
                throw new IllegalStateException("client gone");
            }
        });
        reply.channel().closeFuture().addListener(f -> subscription.close());
    }

    private void ok(Reply reply, io.jcompose.agent.container.Container c) {
        reply.json(HttpResponseStatus.OK, view(c));
    }

    /** The container's view with its supervision (health, restarts) and live networking (ports, endpoints). */
    private ContainerView view(io.jcompose.agent.container.Container c) {
        ContainerView view = networks.withNetworking(ApiViews.container(c, containers.supervision(c)));
        if (c.imageId() != null && images != null && view.spec() != null) {
            // The spec keeps the merged process, not the reference: show the image by its name, as ps does.
            view = view.withSpec(view.spec().withImage(images.displayName(c.imageId())));
        }
        return view;
    }

    private void volumes(String route, ApiRequest r, Reply reply) {
        if (volumes == null) {
            throw AgentException.unavailable("this agent serves no volumes", null);
        }
        List<String> s = r.segments();
        switch (route) {
            case "POST /v1/volumes" -> {
                VolumeCreateRequest body = WireJson.read(r.body(), VolumeCreateRequest.class);
                reply.json(HttpResponseStatus.CREATED, ApiViews.volume(volumes.create(new VolumeService.Request(
                        body.name(), body.labels(), body.driver(), body.driverOpts()))));
            }
            case "GET /v1/volumes" -> reply.json(HttpResponseStatus.OK,
                    volumes.list(filters(r)).stream().map(ApiViews::volume).toList());
            case "GET /v1/volumes/*" -> reply.json(HttpResponseStatus.OK, ApiViews.volume(volumes.inspect(s.get(2))));
            default -> {
                volumes.remove(s.get(2), r.flag("force", false));
                reply.json(HttpResponseStatus.NO_CONTENT, null);
            }
        }
    }

    private static List<LabelFilter> filters(ApiRequest r) {
        return r.params("label").stream().map(LabelFilter::parse).toList();
    }

    /**
     * {@code [v1, containers, web-1, start]} → {@code /v1/containers/*}{@code /start}; an image reference
     * (one URL-encoded segment) becomes {@code /v1/images/*}, unless it is one of the image operations.
     */
    static String shape(List<String> s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            boolean wildcard = i == 2 && (s.get(1).equals("containers") || s.get(1).equals("volumes")
                    || s.get(1).equals("networks")
                    || s.get(1).equals("images") && !ImageRoutes.OPERATIONS.contains(s.get(2)));
            out.append('/').append(wildcard ? "*" : s.get(i));
        }
        return out.toString();
    }
}
