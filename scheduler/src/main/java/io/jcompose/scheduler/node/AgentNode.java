package io.jcompose.scheduler.node;

import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.agent.api.v1.PortCheckResult;
import io.jcompose.agent.api.v1.VolumeCreateRequest;
import io.jcompose.agent.api.v1.VolumeView;
import io.jcompose.agent.api.v1.StopProgressView;
import io.jcompose.agent.api.v1.StopSequenceRequest;
import io.jcompose.agent.api.v1.WaitResult;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.LogOptions;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The local agent as a {@link Node}: each method is one {@link AgentClient} call. */
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
    public void prepare(String ref) {
        client.prepare(ref);
    }

    @Override
    public Sequence stopInSequence(StopSequenceRequest request, Consumer<StopProgressView> progress) {
        try {
            client.stopSequence(request, progress);
            return request.networkLabels() == null ? Sequence.CONTAINERS : Sequence.CONTAINERS_AND_NETWORKS;
        } catch (AgentException e) {
            // agents from before POST /v1/stops, or before its networks (still running after an upgrade of the CLI):
            // the body is refused before anything is stopped
            if (e.kind() == ErrorKind.NOT_FOUND && String.valueOf(e.getMessage()).contains("no such endpoint")) {
                return Sequence.UNSUPPORTED;
            }
            if (e.kind() == ErrorKind.INVALID_ARGUMENT && request.networkLabels() != null
                    && String.valueOf(e.getMessage()).contains("networkLabels")) {
                client.stopSequence(new StopSequenceRequest(request.steps(), request.timeout(), request.remove(),
                        request.volumes()), progress);
                return Sequence.CONTAINERS;
            }
            throw e;
        }
    }

    @Override
    public ContainerView stop(String ref, Duration timeout) {
        return client.stop(ref, timeout);
    }

    @Override
    public ContainerView kill(String ref, String signal) {
        return client.kill(ref, signal);
    }

    @Override
    public void remove(String ref, boolean force, boolean volumes) {
        client.remove(ref, force, volumes);
    }

    @Override
    public WaitResult awaitExit(String ref) {
        return client.awaitExit(ref);
    }

    @Override
    public void logs(String ref, boolean follow, int tail, Predicate<String> sink) {
        client.logs(ref, new LogOptions(true, true, tail, follow), line -> sink.test(line.message()));
    }

    @Override
    public List<String> portConflicts(List<PortBody> ports, List<String> replacingIds) {
        return client.checkPorts(ports, replacingIds).stream().map(PortCheckResult.PortConflictView::problem).toList();
    }

    @Override
    public List<NetworkInfo> networks(List<String> labelFilters) {
        return client.networks(labelFilters).stream().map(n -> new NetworkInfo(n.name(), n.labels())).toList();
    }

    @Override
    public NetworkInfo createNetwork(NetworkRequest request) {
        NetworkView made = client.createNetwork(new NetworkCreateRequest(request.name(), request.labels(),
                request.driver(), request.internal(), request.enableIpv6(), request.driverOpts(),
                request.ipam().stream().map(p -> new NetworkCreateRequest.IpamBody(p.subnet(), p.ipRange(), p.gateway(),
                        p.auxAddresses().isEmpty() ? null : p.auxAddresses())).toList()));
        return new NetworkInfo(made.name(), made.labels());
    }

    @Override
    public void removeNetwork(String name) {
        client.removeNetwork(name);
    }

    @Override
    public List<VolumeInfo> volumes(List<String> labelFilters) {
        return client.volumes(labelFilters).stream().map(v -> new VolumeInfo(v.name(), v.labels())).toList();
    }

    @Override
    public VolumeInfo createVolume(VolumeRequest request) {
        VolumeView made = client.createVolume(new VolumeCreateRequest(request.name(), request.labels(), request.driver(),
                request.driverOpts()));
        return new VolumeInfo(made.name(), made.labels());
    }

    @Override
    public void removeVolume(String name, boolean force) {
        client.removeVolume(name, force);
    }

    @Override
    public Optional<ImageInfo> findImage(String reference) {
        try {
            return Optional.of(new ImageInfo(client.inspectImage(reference).id(), reference));
        } catch (AgentException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public ImageInfo pullImage(String reference, String platform, Consumer<String> progress) {
        ImageView pulled = client.pullImage(reference, platform, p -> {
            if (p.status() != null && p.image() == null && p.error() == null) {
                progress.accept(p.layer() == null ? p.status() : shortDigest(p.layer()) + " " + p.status());
            }
        });
        return new ImageInfo(pulled.id(), reference);
    }

    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        String hex = colon < 0 ? digest : digest.substring(colon + 1);
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
