package io.jcompose.scheduler.testing;

import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ContainerView.HealthView;
import io.jcompose.agent.api.v1.ContainerView.ProbeView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.StopProgressView;
import io.jcompose.agent.api.v1.StopSequenceRequest;
import io.jcompose.agent.api.v1.WaitResult;
import io.jcompose.agent.error.AgentException;
import io.jcompose.scheduler.node.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An in-memory node that writes every operation to a journal ({@code create demo-db-1}, {@code healthy demo-db-1}),
 * so tests assert on order. Health is scripted per container name: the first {@code n} inspects after start say
 * {@code starting}, then the scripted final status.
 */
public final class FakeNode implements Node {
    private final List<String> journal = new ArrayList<>();
    private final Map<String, ContainerView> containers = new LinkedHashMap<>();
    private final Map<String, NetworkInfo> networks = new LinkedHashMap<>();
    private final Map<String, VolumeInfo> volumes = new LinkedHashMap<>();
    private final Map<String, ImageInfo> images = new HashMap<>();
    private final Map<String, Integer> startingProbes = new HashMap<>();
    private final Map<String, String> finalHealth = new HashMap<>();
    private final Map<String, String> gates = new HashMap<>();
    private final Map<String, Integer> exitCodes = new HashMap<>();
    private final Map<String, RuntimeException> startFailures = new HashMap<>();
    private final Map<String, List<String>> logs = new HashMap<>();
    private final java.util.Set<String> prepared = new java.util.HashSet<>();
    private final Map<String, String> takenPorts = new HashMap<>();
    private int nextId = 1;
    private boolean chainsStops;
    private String networkRemovalError;
    private String networkListingError;

    // ---- scripting ------------------------------------------------------------------------------------------

    /** The node takes whole stop sequences ({@link #stopInSequence}), as the agent does. */
    public synchronized FakeNode chainingStops() {
        chainsStops = true;
        return this;
    }

    /** Every network listing fails with {@code message}. */
    public synchronized FakeNode failingNetworkListing(String message) {
        networkListingError = message;
        return this;
    }

    /** Every network removal fails with {@code message}, as the agent's refusal would. */
    public synchronized FakeNode refusingNetworkRemoval(String message) {
        networkRemovalError = message;
        return this;
    }

    /** After {@code startingInspects} inspects showing {@code starting}, the container reports {@code status}. */
    public synchronized FakeNode health(String name, int startingInspects, String status) {
        startingProbes.put(name, startingInspects);
        finalHealth.put(name, status);
        return this;
    }

    /**
     * The container reports {@code starting} until {@code other} has been started, then {@code healthy}; after
     * {@code patience} inspects without that, {@code unhealthy} (so a wrong executor fails instead of hanging).
     */
    public synchronized FakeNode healthyOnceStarted(String name, String other, int patience) {
        gates.put(name, other);
        startingProbes.put(name, patience);
        finalHealth.put(name, "healthy");
        return this;
    }

    /** The container exits with {@code code} when awaited. */
    public synchronized FakeNode exits(String name, int code) {
        exitCodes.put(name, code);
        return this;
    }

    public synchronized FakeNode failsToStart(String name, String message) {
        startFailures.put(name, AgentException.precondition(message, null));
        return this;
    }

    /** Host port {@code published} is held by {@code holder} (e.g. {@code process python3 (pid 42)}). */
    public synchronized FakeNode portTaken(String published, String holder) {
        takenPorts.put(published, holder);
        return this;
    }

    public synchronized FakeNode logs(String name, String... lines) {
        logs.put(name, List.of(lines));
        return this;
    }

    public synchronized FakeNode image(String reference, String id) {
        images.put(reference, new ImageInfo(id, reference));
        return this;
    }

    public synchronized FakeNode network(String name, Map<String, String> labels) {
        networks.put(name, new NetworkInfo(name, labels));
        return this;
    }

    public synchronized FakeNode volume(String name, Map<String, String> labels) {
        volumes.put(name, new VolumeInfo(name, labels));
        return this;
    }

    /** Adds an existing container. */
    public synchronized ContainerView add(String name, String state, Map<String, String> labels) {
        ContainerView c = view("c" + nextId++, name, labels, state, null, null, null);
        containers.put(c.id(), c);
        return c;
    }

    public synchronized List<String> journal() {
        return List.copyOf(journal);
    }

    public synchronized Map<String, ContainerView> byName() {
        Map<String, ContainerView> out = new LinkedHashMap<>();
        containers.values().forEach(c -> out.put(c.name(), c));
        return out;
    }

    public synchronized Map<String, NetworkInfo> networkMap() {
        return Map.copyOf(networks);
    }

    public synchronized Map<String, VolumeInfo> volumeMap() {
        return Map.copyOf(volumes);
    }

    // ---- Node -----------------------------------------------------------------------------------------------

    @Override
    public synchronized List<ContainerView> containers(List<String> labelFilters) {
        return containers.values().stream().filter(c -> matches(c.labels(), labelFilters)).toList();
    }

    @Override
    public synchronized ContainerView inspect(String ref) {
        ContainerView c = get(ref);
        String status = finalHealth.get(c.name());
        if (status == null || !"running".equals(c.state())) return c;
        String gate = gates.get(c.name());
        if (gate != null && journal.contains("start " + gate)) {
            startingProbes.put(c.name(), 0);
        } else if (gate != null && startingProbes.getOrDefault(c.name(), 0) == 0) {
            status = "unhealthy";
        }
        int left = startingProbes.getOrDefault(c.name(), 0);
        if (left > 0) {
            startingProbes.put(c.name(), left - 1);
            journal.add("starting " + c.name());
            return with(c, c.state(), new HealthView("starting", 0, List.of()));
        }
        journal.add(status + " " + c.name());
        var probe = new ProbeView("t0", "t1", status.equals("healthy") ? 0 : 1,
                status.equals("healthy") ? "ok\n" : "connection refused\n");
        return with(c, c.state(), new HealthView(status, status.equals("healthy") ? 0 : 3, List.of(probe)));
    }

    /**
     * Journals {@code check-ports 8080,9090 replacing c3}. A port is taken when scripted with {@link #portTaken}, or
     * when a running container that is not being replaced publishes it.
     */
    @Override
    public synchronized List<String> portConflicts(List<PortBody> ports, List<String> replacingIds) {
        journal.add("check-ports " + String.join(",", ports.stream().map(PortBody::published).toList()) + " replacing "
                + (replacingIds.isEmpty() ? "-" : String.join(",", replacingIds)));
        List<String> out = new ArrayList<>();
        for (PortBody p : ports) {
            String mapping = p.published() + ":" + p.target() + "/" + (p.protocol() == null ? "tcp" : p.protocol());
            String holder = takenPorts.get(p.published());
            if (holder == null) {
                holder = containers.values().stream()
                        .filter(c -> "running".equals(c.state()) && !replacingIds.contains(c.id()) && c.spec() != null
                                && c.spec().ports() != null
                                && c.spec().ports().stream().anyMatch(q -> p.published().equals(q.published())))
                        .findFirst().map(c -> "container " + c.name()).orElse(null);
            }
            if (holder != null) {
                out.add("host port 0.0.0.0:" + p.published() + " of mapping " + mapping + " is already in use by " + holder);
            }
        }
        return out;
    }

    @Override
    public synchronized ContainerView create(CreateContainerRequest request) {
        for (ContainerView c : containers.values()) {
            if (c.name().equals(request.name())) throw AgentException.alreadyExists("name " + request.name() + " is in use", null);
        }
        journal.add("create " + request.name());
        ContainerView c = view("c" + nextId++, request.name(), request.labels(), "created", request.spec(), null, null);
        containers.put(c.id(), c);
        return c;
    }

    @Override
    public synchronized ContainerView start(String ref) {
        ContainerView c = get(ref);
        prepared.remove(c.id());
        RuntimeException failure = startFailures.get(c.name());
        if (failure != null) {
            journal.add("start-failed " + c.name());
            throw failure;
        }
        journal.add("start " + c.name());
        return put(with(c, "running", null));
    }

    /** As the agent: a created container's run is set up ahead; its stop undoes that and leaves it created. */
    @Override
    public synchronized void prepare(String ref) {
        ContainerView c = get(ref);
        if (!"created".equals(c.state())) return;
        journal.add("prepare " + c.name());
        prepared.add(c.id());
    }

    @Override
    public synchronized ContainerView stop(String ref, Duration timeout) {
        ContainerView c = get(ref);
        if (prepared.remove(c.id())) {
            journal.add("unprepare " + c.name());
            return c;
        }
        journal.add("stop " + c.name());
        return put(with(c, "exited", null));
    }

    /** One step at a time, each once every step it follows is over; journals {@code sequence} first. */
    @Override
    public Sequence stopInSequence(StopSequenceRequest request, java.util.function.Consumer<StopProgressView> progress) {
        if (!chainsStops) return Sequence.UNSUPPORTED;
        synchronized (this) {
            journal.add("sequence");
        }
        java.util.Set<String> over = new java.util.HashSet<>();
        java.util.List<StopSequenceRequest.Step> left = new ArrayList<>(request.steps());
        java.util.Set<String> ids = new java.util.HashSet<>();
        left.forEach(s -> ids.add(s.id()));
        while (!left.isEmpty()) {
            StopSequenceRequest.Step next = left.stream()
                    .filter(s -> s.after().stream().allMatch(a -> over.contains(a) || !ids.contains(a)))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the steps wait in a cycle"));
            left.remove(next);
            if (next.stop()) {
                progress.accept(new StopProgressView(next.id(), "stopping", null));
                stop(next.id(), request.timeout() == null ? null : Duration.ofSeconds(request.timeout()));
                progress.accept(new StopProgressView(next.id(), "stopped", null));
            }
            over.add(next.id());
            if (request.remove()) {
                progress.accept(new StopProgressView(next.id(), "removing", null));
                remove(next.id(), false, request.volumes());
                progress.accept(new StopProgressView(next.id(), "removed", null));
            }
        }
        if (request.networkLabels() == null) return Sequence.CONTAINERS;
        // as the agent: every network with the labels, once the containers are stopped, each outcome on a line
        List<NetworkInfo> listed;
        try {
            listed = networks(request.networkLabels());
        } catch (RuntimeException e) {
            progress.accept(new StopProgressView(null, "failed", "cannot list the networks: " + e.getMessage(), null));
            return Sequence.CONTAINERS_AND_NETWORKS;
        }
        for (NetworkInfo n : listed) {
            try {
                removeNetwork(n.name());
                progress.accept(new StopProgressView(null, "removed", null, n.name()));
            } catch (RuntimeException e) {
                progress.accept(new StopProgressView(null, "failed", e.getMessage(), n.name()));
            }
        }
        return Sequence.CONTAINERS_AND_NETWORKS;
    }

    @Override
    public synchronized ContainerView kill(String ref, String signal) {
        ContainerView c = get(ref);
        journal.add("kill " + signal + " " + c.name());
        return put(with(c, "exited", null));
    }

    @Override
    public synchronized void remove(String ref, boolean force, boolean removeVolumes) {
        ContainerView c = get(ref);
        journal.add("remove " + c.name());
        containers.remove(c.id());
    }

    @Override
    public WaitResult awaitExit(String ref) {
        synchronized (this) {
            ContainerView c = get(ref);
            int code = exitCodes.getOrDefault(c.name(), 0);
            journal.add("exited " + code + " " + c.name());
            put(with(c, "exited", null));
            return new WaitResult(code, false);
        }
    }

    @Override
    public void logs(String ref, boolean follow, int tail, java.util.function.Predicate<String> sink) {
        List<String> all;
        synchronized (this) {
            all = logs.getOrDefault(get(ref).name(), List.of());
        }
        List<String> lines = tail < 0 ? all : all.subList(Math.max(0, all.size() - tail), all.size());
        for (String line : lines) if (!sink.test(line)) return;
    }

    @Override
    public synchronized List<NetworkInfo> networks(List<String> labelFilters) {
        if (networkListingError != null) throw new IllegalStateException(networkListingError);
        return networks.values().stream().filter(n -> matches(n.labels(), labelFilters)).toList();
    }

    @Override
    public synchronized NetworkInfo createNetwork(NetworkRequest request) {
        journal.add("create-network " + request.name());
        NetworkInfo n = new NetworkInfo(request.name(), request.labels());
        networks.put(n.name(), n);
        return n;
    }

    @Override
    public synchronized void removeNetwork(String name) {
        journal.add("remove-network " + name);
        if (networkRemovalError != null) throw new IllegalStateException(networkRemovalError);
        networks.remove(name);
    }

    @Override
    public synchronized List<VolumeInfo> volumes(List<String> labelFilters) {
        return volumes.values().stream().filter(v -> matches(v.labels(), labelFilters)).toList();
    }

    @Override
    public synchronized VolumeInfo createVolume(VolumeRequest request) {
        journal.add("create-volume " + request.name());
        VolumeInfo v = new VolumeInfo(request.name(), request.labels());
        volumes.put(v.name(), v);
        return v;
    }

    @Override
    public synchronized void removeVolume(String name, boolean force) {
        journal.add("remove-volume " + name);
        volumes.remove(name);
    }

    @Override
    public synchronized Optional<ImageInfo> findImage(String reference) {
        return Optional.ofNullable(images.get(reference));
    }

    @Override
    public synchronized ImageInfo pullImage(String reference, String platform, Consumer<String> progress) {
        journal.add("pull " + reference);
        ImageInfo i = new ImageInfo("sha256:" + Integer.toHexString(reference.hashCode()), reference);
        images.put(reference, i);
        return i;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private ContainerView get(String ref) {
        ContainerView c = containers.get(ref);
        if (c == null) {
            c = containers.values().stream().filter(v -> v.name().equals(ref)).findFirst()
                    .orElseThrow(() -> AgentException.notFound("no such container " + ref, null));
        }
        return c;
    }

    private ContainerView put(ContainerView c) {
        containers.put(c.id(), c);
        return c;
    }

    private static boolean matches(Map<String, String> labels, List<String> filters) {
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq < 0 ? !labels.containsKey(f) : !f.substring(eq + 1).equals(labels.get(f.substring(0, eq)))) return false;
        }
        return true;
    }

    private static ContainerView with(ContainerView c, String state, HealthView health) {
        return new ContainerView(c.id(), c.name(), c.labels(), state, 0, c.exitCode(), false, null, null, null,
                c.spec(), c.imageId(), health, 0, List.of(), Map.of());
    }

    private static ContainerView view(String id, String name, Map<String, String> labels, String state,
                                      io.jcompose.agent.api.v1.ContainerSpecBody spec, String imageId, HealthView health) {
        return new ContainerView(id, name, labels, state, 0, null, false, null, null, null, spec, imageId, health, 0,
                List.of(), Map.of());
    }
}
