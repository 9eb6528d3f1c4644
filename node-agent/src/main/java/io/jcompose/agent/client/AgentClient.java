package io.jcompose.agent.client;

import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.PortCheckRequest;
import io.jcompose.agent.api.v1.PortCheckResult;
import io.jcompose.agent.api.v1.BuildEventView;
import io.jcompose.agent.api.v1.BuildRequestBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.ErrorBody;
import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.api.v1.ExecResult;
import io.jcompose.agent.api.v1.ExecStartRequest;
import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.PruneView;
import io.jcompose.agent.api.v1.PathStatView;
import io.jcompose.agent.api.v1.PullImageRequest;
import io.jcompose.agent.api.v1.PullProgressView;
import io.jcompose.agent.api.v1.LogLine;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.api.v1.VolumeCreateRequest;
import io.jcompose.agent.api.v1.VolumeView;
import io.jcompose.agent.api.v1.WaitResult;
import io.jcompose.agent.api.v1.RecordJson;
import io.jcompose.agent.api.v1.StopProgressView;
import io.jcompose.agent.api.v1.StopSequenceRequest;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The agent's v1 API as Java calls, for the CLI and the scheduler. Every failure is an
 * {@link AgentException} with the agent's kind, problem and fix; an agent that is not running is
 * UNAVAILABLE. Thread-safe: each call uses its own connection.
 *
 * <p>Example: {@code var c = client.create(request); client.start(c.id()); int code = client.awaitExit(c.id()).exitCode();}
 */
public final class AgentClient {
    public static final Path DEFAULT_SOCKET = Path.of("/run/jcompose/jcompose.sock");

    private final Path socket;

    public AgentClient(Path socket) {
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }

    public VersionView version() {
        return call("GET", "/v1/version", null, VersionView.class);
    }

    public ContainerView create(CreateContainerRequest request) {
        return call("POST", "/v1/containers", request, ContainerView.class);
    }

    public ContainerView inspect(String ref) {
        return call("GET", "/v1/containers/" + enc(ref), null, ContainerView.class);
    }

    /** Containers having every label condition ({@code key} or {@code key=value}). */
    public List<ContainerView> list(List<String> labelFilters) {
        StringBuilder target = new StringBuilder("/v1/containers");
        char glue = '?';
        for (String f : labelFilters) {
            target.append(glue).append("label=").append(enc(f));
            glue = '&';
        }
        return List.of(call("GET", target.toString(), null, ContainerView[].class));
    }

    public ContainerView start(String ref) {
        return call("POST", "/v1/containers/" + enc(ref) + "/start", null, ContainerView.class);
    }

    /** Sets up a created container's run so that its {@link #start} is quick; see the API's {@code prepare}. */
    public ContainerView prepare(String ref) {
        return call("POST", "/v1/containers/" + enc(ref) + "/prepare", null, ContainerView.class);
    }

    /** Stops with the container's own grace period when {@code timeout} is null. */
    public ContainerView stop(String ref, Duration timeout) {
        String query = timeout == null ? "" : "?timeout=" + timeout.toSeconds();
        return call("POST", "/v1/containers/" + enc(ref) + "/stop" + query, null, ContainerView.class);
    }

    /** Sends {@code signal} (SIGKILL when null). */
    /**
     * Stops (and with {@code request.remove()} removes) containers in the order of the request's steps, the agent
     * chaining them itself; each progress line goes to {@code progress} as it comes. Returns once every step is
     * over (failures are progress lines, not exceptions).
     */
    public void stopSequence(StopSequenceRequest request, Consumer<StopProgressView> progress) {
        try (UnixHttp.Response response = open("POST", "/v1/stops", json(request))) {
            boolean done = eachLine(response, StopProgressView.class, view -> {
                if ("done".equals(view.type())) {
                    return false;
                }
                progress.accept(view);
                return true;
            });
            if (done) {
                return;
            }
            throw AgentException.unavailable("the agent ended the stop sequence without its end", "look at the agent's log");
        } catch (IOException e) {
            throw AgentException.unavailable("the stop stream broke: " + e.getMessage(), null);
        }
    }

    public ContainerView kill(String ref, String signal) {
        return call("POST", "/v1/containers/" + enc(ref) + "/kill?signal=" + enc(signal == null ? "SIGKILL" : signal), null,
                ContainerView.class);
    }

    public ContainerView pause(String ref) {
        return call("POST", "/v1/containers/" + enc(ref) + "/pause", null, ContainerView.class);
    }

    public ContainerView unpause(String ref) {
        return call("POST", "/v1/containers/" + enc(ref) + "/unpause", null, ContainerView.class);
    }

    public void remove(String ref, boolean force) {
        call("DELETE", "/v1/containers/" + enc(ref) + "?force=" + force, null, Void.class);
    }

    /** As {@link #remove(String, boolean)}; {@code volumes} also removes the container's anonymous volumes. */
    public void remove(String ref, boolean force, boolean volumes) {
        call("DELETE", "/v1/containers/" + enc(ref) + "?force=" + force + "&volumes=" + volumes, null, Void.class);
    }

    /** Creates a volume, or returns the existing one of that name when its labels are the same. */
    public VolumeView createVolume(VolumeCreateRequest request) {
        return call("POST", "/v1/volumes", request, VolumeView.class);
    }

    /** Volumes having every label condition ({@code key} or {@code key=value}). */
    public List<VolumeView> volumes(List<String> labelFilters) {
        return List.of(call("GET", withLabels("/v1/volumes", labelFilters), null, VolumeView[].class));
    }

    public VolumeView inspectVolume(String name) {
        return call("GET", "/v1/volumes/" + enc(name), null, VolumeView.class);
    }

    /** Removes a volume and its data; CONFLICT while a container uses it; {@code force}: a missing one is fine. */
    public void removeVolume(String name, boolean force) {
        call("DELETE", "/v1/volumes/" + enc(name) + "?force=" + force, null, Void.class);
    }

    /** Creates a network, or returns it when it exists with the same settings (CONFLICT with other settings). */
    public NetworkView createNetwork(NetworkCreateRequest request) {
        return call("POST", "/v1/networks", request, NetworkView.class);
    }

    /**
     * The host ports among {@code ports} that cannot be published now, each naming its holder; empty when all
     * are free. Ports of the containers in {@code replacing} (ids) count as free. Changes nothing.
     */
    public List<PortCheckResult.PortConflictView> checkPorts(
            List<PortBody> ports, List<String> replacing) {
        return call("POST", "/v1/ports/check", new PortCheckRequest(ports, replacing),
                PortCheckResult.class).conflicts();
    }

    /** Networks having every label condition ({@code key} or {@code key=value}). */
    public List<NetworkView> networks(List<String> labelFilters) {
        return List.of(call("GET", withLabels("/v1/networks", labelFilters), null, NetworkView[].class));
    }

    public NetworkView inspectNetwork(String name) {
        return call("GET", "/v1/networks/" + enc(name), null, NetworkView.class);
    }

    /** Removes a network; CONFLICT while containers are attached to it. */
    public void removeNetwork(String name) {
        call("DELETE", "/v1/networks/" + enc(name), null, Void.class);
    }

    private static String withLabels(String path, List<String> labelFilters) {
        StringBuilder target = new StringBuilder(path);
        char glue = '?';
        for (String f : labelFilters) {
            target.append(glue).append("label=").append(enc(f));
            glue = '&';
        }
        return target.toString();
    }

    /** Blocks until the container is not running and returns its exit. */
    public WaitResult awaitExit(String ref) {
        return call("POST", "/v1/containers/" + enc(ref) + "/wait", null, WaitResult.class);
    }

    public ExecResult exec(String ref, ExecRequest request) {
        return call("POST", "/v1/containers/" + enc(ref) + "/exec", request, ExecResult.class);
    }

    /**
     * Delivers log lines to {@code sink} until the log is read (or, when following, until the
     * container stops); {@code sink} returns false to stop early.
     */
    public void logs(String ref, LogOptions options, Predicate<LogLine> sink) {
        String target = "/v1/containers/" + enc(ref) + "/logs?stdout=" + options.stdout() + "&stderr=" + options.stderr()
                + "&tail=" + options.tail() + "&follow=" + options.follow()
                + (options.since() == null ? "" : "&since=" + options.since())
                + (options.until() == null ? "" : "&until=" + options.until());
        try (UnixHttp.Response response = open("GET", target, null)) {
            eachLine(response, LogLine.class, sink);
        } catch (IOException e) {
            throw AgentException.unavailable("the log stream broke: " + e.getMessage(), null);
        }
    }

    /**
     * Streams events (those having every label condition) to {@code consumer} on a background
     * thread until the returned handle is closed or the agent goes away.
     */
    public AutoCloseable events(List<String> labelFilters, Consumer<EventView> consumer) {
        return events(labelFilters, consumer, () -> { });
    }

    /** As {@link #events(List, Consumer)}; {@code ended} runs once the stream is over, whoever ended it. */
    public AutoCloseable events(List<String> labelFilters, Consumer<EventView> consumer, Runnable ended) {
        StringBuilder target = new StringBuilder("/v1/events");
        char glue = '?';
        for (String f : labelFilters) {
            target.append(glue).append("label=").append(enc(f));
            glue = '&';
        }
        UnixHttp.Response response = open("GET", target.toString(), null);
        Thread.ofPlatform().daemon().name("agent-events").start(() -> {
            try (response) {
                eachLine(response, EventView.class, event -> {
                    consumer.accept(event);
                    return true;
                });
            } catch (IOException e) {
                // Closed by the caller or by the agent: the stream is over.
            } finally {
                ended.run();
            }
        });
        return response::close;
    }

    // ---- images ----

    /**
     * Pulls {@code reference} (for {@code platform}, null for linux/amd64), handing each progress line to
     * {@code progress} as it arrives; returns the image, or throws the pull's error.
     */
    public ImageView pullImage(String reference, String platform, Consumer<PullProgressView> progress) {
        try (UnixHttp.Response response = open("POST", "/v1/images/pull",
                json(new PullImageRequest(reference, platform)))) {
            ImageView[] image = new ImageView[1];
            boolean pulled = eachLine(response, PullProgressView.class, view -> {
                if (view.error() != null) {
                    throw new AgentException(ErrorKind.valueOf(view.error().kind()), view.error().message(),
                            view.error().fix());
                }
                image[0] = view.image();
                if (image[0] == null) {
                    progress.accept(view);
                }
                return image[0] == null;
            });
            if (pulled) {
                return image[0];
            }
            throw AgentException.unavailable("the agent ended the pull of " + reference + " without a result",
                    "look at the agent's log");
        } catch (IOException e) {
            throw AgentException.unavailable("the pull stream broke: " + e.getMessage(), null);
        }
    }

    /**
     * Builds an image ({@code POST /v1/builds}), handing each progress line to {@code progress}; returns
     * the final {@code done} line, or throws the build's error (a failing step names itself, its exit
     * code and its last output lines in the message).
     */
    public BuildEventView build(BuildRequestBody request, Consumer<BuildEventView> progress) {
        try (UnixHttp.Response response = open("POST", "/v1/builds", json(request))) {
            BuildEventView[] done = new BuildEventView[1];
            boolean built = eachLine(response, BuildEventView.class, view -> {
                switch (view.type()) {
                    case "failed" -> throw new AgentException(ErrorKind.valueOf(view.error().kind()),
                            view.error().message(), view.error().fix());
                    case "done" -> done[0] = view;
                    default -> progress.accept(view);
                }
                return done[0] == null;
            });
            if (built) {
                return done[0];
            }
            throw AgentException.unavailable("the agent ended the build without a result", "look at the agent's log");
        } catch (IOException e) {
            throw AgentException.unavailable("the build stream broke: " + e.getMessage(), null);
        }
    }

    public List<ImageView> images() {
        return List.of(call("GET", "/v1/images", null, ImageView[].class));
    }

    /** By reference, id or unique id prefix; the view includes the image's config. */
    public ImageView inspectImage(String ref) {
        return call("GET", "/v1/images/" + enc(ref), null, ImageView.class);
    }

    /** Removes an image (only the tag, when others point at it); refused while a container uses it. */
    public void removeImage(String ref, boolean force) {
        call("DELETE", "/v1/images/" + enc(ref) + "?force=" + force, null, Void.class);
    }

    /** Loads a docker-archive or OCI-layout tar, streamed from {@code archive}. */
    public List<ImageView> loadImages(Path archive) {
        long length;
        try {
            length = java.nio.file.Files.size(archive);
        } catch (IOException e) {
            throw AgentException.invalid("cannot read " + archive + ": " + e.getMessage(), "check the archive's path");
        }
        UnixHttp.Body body = new UnixHttp.Body("application/x-tar", length, out -> java.nio.file.Files.copy(archive, out));
        try (UnixHttp.Response response = check(UnixHttp.send(socket, "POST", "/v1/images/load", body))) {
            return List.of(json(response.readAll(), ImageView[].class));
        } catch (IOException e) {
            throw AgentException.unavailable("reading the agent's answer failed: " + e.getMessage(), null);
        }
    }

    /** Writes one tar of {@code refs} to {@code out}; {@code format} docker or oci (null: docker). */
    public void saveImages(List<String> refs, String format, java.io.OutputStream out) {
        StringBuilder target = new StringBuilder("/v1/images/save?format=").append(enc(format == null ? "docker" : format));
        for (String ref : refs) {
            target.append("&ref=").append(enc(ref));
        }
        try (UnixHttp.Response response = open("GET", target.toString(), null)) {
            response.body().transferTo(out);
            out.flush();
        } catch (IOException e) {
            throw AgentException.unavailable("the image archive stream broke: " + e.getMessage(),
                    "the output is incomplete; look at the agent's log and save again");
        }
    }

    /** Stats {@code path} inside a container (a final symlink followed with {@code followLink}); NOT_FOUND when missing. */
    public PathStatView statPath(String ref, String path, boolean followLink) {
        return call("GET", "/v1/containers/" + enc(ref) + "/archive/stat?path=" + enc(path) + "&followLink=" + followLink,
                null, PathStatView.class);
    }

    /** Writes a tar of {@code path} inside a container to {@code out} (its top entry named as the path's last part). */
    public void readArchive(String ref, String path, boolean followLink, java.io.OutputStream out) {
        try (UnixHttp.Response response = open("GET", "/v1/containers/" + enc(ref) + "/archive?path=" + enc(path)
                + "&followLink=" + followLink, null)) {
            response.body().transferTo(out);
            out.flush();
        } catch (IOException e) {
            throw AgentException.unavailable("the archive stream broke: " + e.getMessage(),
                    "what was copied is incomplete; look at the agent's log and copy again");
        }
    }

    /** Extracts the tar {@code archive} into the existing directory {@code dir} inside a container. */
    public void writeArchive(String ref, String dir, Path archive, boolean copyUidGid) {
        long length;
        try {
            length = java.nio.file.Files.size(archive);
        } catch (IOException e) {
            throw AgentException.invalid("cannot read " + archive + ": " + e.getMessage(), null);
        }
        UnixHttp.Body body = new UnixHttp.Body("application/x-tar", length, out -> java.nio.file.Files.copy(archive, out));
        try (UnixHttp.Response response = check(UnixHttp.send(socket, "PUT", "/v1/containers/" + enc(ref)
                + "/archive?path=" + enc(dir) + "&copyUIDGID=" + copyUidGid + "&noOverwriteDirNonDir=true", body))) {
            response.readAll();
        } catch (IOException e) {
            throw AgentException.unavailable("reading the agent's answer failed: " + e.getMessage(), null);
        }
    }

    /** Removes images no container uses (only dangling ones unless {@code all}) and unreferenced content. */
    public PruneView pruneImages(boolean all) {
        return call("POST", "/v1/images/prune?all=" + all, null, PruneView.class);
    }

    /**
     * Runs {@code request} in a running container attached to this process: output streamed to
     * {@code stdout} and {@code stderr} (a TTY's all to {@code stdout}) as it comes, input through the
     * returned attachment. Errors before the process starts (no such container, not running, unknown user)
     * are thrown here.
     */
    public ExecAttachment execAttached(String ref, ExecStartRequest request, java.io.OutputStream stdout,
                                       java.io.OutputStream stderr) {
        UnixHttp.Response response = UnixHttp.upgrade(socket, "/v1/containers/" + enc(ref) + "/exec/stream",
                json(request));
        if (response.status() != 101) {
            try (UnixHttp.Response answered = check(response)) {
                throw AgentException.internal("the agent answered HTTP " + answered.status() + " instead of switching "
                        + "to the exec stream", null);
            } catch (IOException e) {
                throw AgentException.unavailable("the connection to the agent failed: " + e.getMessage(), null);
            }
        }
        return new ExecAttachment(response.channel(), response.body(), stdout, stderr);
    }

    /**
     * Attaches to the main process of container {@code ref} (POST /v1/containers/{ref}/attach): its output from
     * now on goes to {@code stdout}/{@code stderr}, {@code stdin} forwards the attachment's input (the container
     * must keep its input open), {@code rows}/{@code columns} (0: none) size its terminal. A container that is
     * not running is attached when it next starts: attach, then start it, and nothing it writes is missed.
     * The exit code comes when the container exits while attached; closing the attachment detaches.
     */
    public ExecAttachment attach(String ref, boolean stdin, int rows, int columns, java.io.OutputStream stdout,
                                 java.io.OutputStream stderr) {
        String target = "/v1/containers/" + enc(ref) + "/attach?stdin=" + stdin
                + (rows > 0 && columns > 0 ? "&height=" + rows + "&width=" + columns : "");
        UnixHttp.Response response = UnixHttp.upgrade(socket, target, new byte[0]);
        if (response.status() != 101) {
            try (UnixHttp.Response answered = check(response)) {
                throw AgentException.internal("the agent answered HTTP " + answered.status() + " instead of switching "
                        + "to the attach stream", null);
            } catch (IOException e) {
                throw AgentException.unavailable("the connection to the agent failed: " + e.getMessage(), null);
            }
        }
        return new ExecAttachment(response.channel(), response.body(), stdout, stderr);
    }

    private <T> T call(String method, String target, Object body, Class<T> type) {
        try (UnixHttp.Response response = open(method, target, body == null ? null : json(body))) {
            byte[] bytes = response.readAll();
            if (type == Void.class || bytes.length == 0) {
                return null;
            }
            return json(bytes, type);
        } catch (IOException e) {
            throw AgentException.unavailable("reading the agent's answer failed: " + e.getMessage(), null);
        }
    }

    /** Sends a request; a non-2xx answer becomes the agent's exception. */
    private UnixHttp.Response open(String method, String target, byte[] body) {
        return check(UnixHttp.send(socket, method, target, body));
    }

    private static UnixHttp.Response check(UnixHttp.Response response) {
        if (response.status() / 100 == 2) {
            return response;
        }
        try {
            ErrorBody error = json(response.readAll(), ErrorBody.class);
            throw new AgentException(ErrorKind.valueOf(error.kind()), error.message(), error.fix());
        } catch (IOException | IllegalArgumentException e) {
            throw AgentException.internal("the agent answered HTTP " + response.status() + " without an error body", e);
        }
    }

    /**
     * A body's JSON, through {@link RecordJson} where it can (every body this client sends or reads today): a CLI
     * command then never pays for jackson-databind's start-up; the agent itself keeps {@link WireJson}.
     */
    private static byte[] json(Object body) {
        Class<?> type = body.getClass();
        return RecordJson.handles(type) ? RecordJson.write(body) : WireJson.write(body);
    }

    private static <T> T json(byte[] body, Class<T> type) {
        return RecordJson.handles(type) ? RecordJson.read(body, type) : WireJson.read(body, type);
    }

    /**
     * Reads the response's newline-delimited JSON, each non-empty line as {@code type}, handing it to {@code next}
     * until that returns false; true when {@code next} ended the reading, false when the stream ended first.
     */
    private static <T> boolean eachLine(UnixHttp.Response response, Class<T> type, Predicate<T> next)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isEmpty() && !next.test(json(line, type))) {
                return true;
            }
        }
        return false;
    }

    private static <T> T json(String body, Class<T> type) {
        return json(body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
