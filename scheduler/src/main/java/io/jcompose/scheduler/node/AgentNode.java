package io.jcompose.scheduler.node;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.WaitResult;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.LogOptions;
import io.jcompose.agent.error.AgentException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The local agent as a {@link Node}: each method is one {@link AgentClient} call.
 *
 * <p>The agent's network, volume and image endpoints are being added in parallel with this adapter; until the
 * client offers them, those methods fail with UNAVAILABLE and say so, rather than pretend the resource exists.
 */
public final class AgentNode implements Node {
    private final AgentClient client;

    public AgentNode(AgentClient client) {
        this.client = client;
    }

    @Override
    public List<ContainerView> containers(List<String> labelFilters) {
        return client.list(labelFilters);
    }

    @Override
    public ContainerView inspect(String ref) {
        return client.inspect(ref);
    }

    @Override
    public ContainerView create(CreateContainerRequest request) {
        return client.create(request);
    }

    @Override
    public ContainerView start(String ref) {
        return client.start(ref);
    }

    @Override
    public ContainerView stop(String ref, Duration timeout) {
        return client.stop(ref, timeout);
    }

    @Override
    public ContainerView kill(String ref, String signal) {
        return client.kill(ref, signal);
    }

    /** The agent keeps no anonymous volumes yet, so {@code volumes} has nothing more to remove. */
    @Override
    public void remove(String ref, boolean force, boolean volumes) {
        client.remove(ref, force);
    }

    @Override
    public WaitResult awaitExit(String ref) {
        return client.awaitExit(ref);
    }

    @Override
    public void logs(String ref, boolean follow, int tail, Predicate<String> sink) {
        client.logs(ref, new LogOptions(true, true, tail, follow), line -> sink.test(line.message()));
    }

    // ---- resources the agent's client does not offer yet ------------------------------------------------------

    @Override
    public List<NetworkInfo> networks(List<String> labelFilters) {
        throw missing("networks");
    }

    @Override
    public NetworkInfo createNetwork(NetworkRequest request) {
        throw missing("networks");
    }

    @Override
    public void removeNetwork(String name) {
        throw missing("networks");
    }

    @Override
    public List<VolumeInfo> volumes(List<String> labelFilters) {
        throw missing("volumes");
    }

    @Override
    public VolumeInfo createVolume(VolumeRequest request) {
        throw missing("volumes");
    }

    @Override
    public void removeVolume(String name, boolean force) {
        throw missing("volumes");
    }

    @Override
    public Optional<ImageInfo> findImage(String reference) {
        throw missing("images");
    }

    @Override
    public ImageInfo pullImage(String reference, String platform, Consumer<String> progress) {
        throw missing("images");
    }

    private static AgentException missing(String what) {
        return AgentException.unavailable("this agent's client has no " + what + " API yet",
                "use an agent and jcompose built with the " + what + " endpoints");
    }
}
