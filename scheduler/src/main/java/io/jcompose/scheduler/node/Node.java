package io.jcompose.scheduler.node;

import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.StopProgressView;
import io.jcompose.agent.api.v1.StopSequenceRequest;
import io.jcompose.agent.api.v1.WaitResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Where containers run: the local agent today ({@link AgentNode}), a Kubernetes namespace later. The scheduler
 * only ever talks to a node through this interface; every method is one remote operation and may throw the
 * node's own exception (the agent's {@code AgentException}), which the executor reports with the service it was
 * working on.
 *
 * <p>Lifecycle of one service replica, as the executor drives it:
 * <pre>{@code
 * node.ensureNetwork(...); node.findImage("nginx:1") or node.pullImage("nginx:1", null, progress);
 * ContainerView c = node.create(request);      // state created
 * node.start(c.id());                          // state running
 * node.inspect(c.id()).health();               // polled while a dependent waits for service_healthy
 * node.stop(c.id(), Duration.ofSeconds(10)); node.remove(c.id(), false, true);
 * }</pre>
 * Containers are labelled by the scheduler; {@link #containers} finds them again by label, which is how
 * {@code down} and {@code ps} work without the compose file.
 */
public interface Node {

    /** Containers having every label condition ({@code key} or {@code key=value}), stopped ones included. */
    List<ContainerView> containers(List<String> labelFilters);

    ContainerView inspect(String ref);

    ContainerView create(CreateContainerRequest request);

    ContainerView start(String ref);

    /**
     * Sets up a created container's run ahead of its start (networked, monitor and runtime created, the process
     * not started), so that {@link #start} is quick when the dependencies are ready; {@link #stop} undoes it. A
     * node that cannot leaves the whole set-up to the start.
     */
    default void prepare(String ref) {
    }

    /** Stops with the container's own grace period when {@code timeout} is null. */
    ContainerView stop(String ref, Duration timeout);

    /** What {@link #stopInSequence} did. */
    enum Sequence {
        /** Nothing: this node cannot chain stops; the caller goes container by container. */
        UNSUPPORTED,
        /** The containers, not the networks the request named (a node that cannot remove them in the sequence). */
        CONTAINERS,
        /** The containers, then the networks the request named (each one's outcome streamed). */
        CONTAINERS_AND_NETWORKS
    }

    /**
     * Stops (and with {@code request.remove()} removes) the request's containers, each once those it must follow
     * are done with, the node chaining them itself instead of one call per container, then removes the networks
     * with {@code request.networkLabels()}; progress comes per container and network as it happens, failures
     * included.
     */
    default Sequence stopInSequence(StopSequenceRequest request, Consumer<StopProgressView> progress) {
        return Sequence.UNSUPPORTED;
    }

    ContainerView kill(String ref, String signal);

    /** @param volumes also remove the container's anonymous volumes */
    void remove(String ref, boolean force, boolean volumes);

    /** Blocks until the container is not running. */
    WaitResult awaitExit(String ref);

    /**
     * Delivers the container's log lines (stdout and stderr), oldest first, until the log is read or, with
     * {@code follow}, until the container stops; {@code sink} returns false to stop early.
     *
     * @param tail how many of the last lines to start with, -1 for all
     */
    void logs(String ref, boolean follow, int tail, Predicate<String> sink);

    /** The last {@code lines} lines of the container's log, oldest first, for failure messages. */
    default List<String> logTail(String ref, int lines) {
        List<String> out = new java.util.ArrayList<>();
        logs(ref, false, lines, out::add);
        return out;
    }

    /**
     * Which of {@code ports} cannot be published now, one line per taken port naming its holder (a process and
     * its pid, or the container publishing it) and how to get past it; empty when all are free. Ports published
     * by the containers {@code replacingIds} count as free: the caller removes or restarts them first. Changes
     * nothing on the node.
     */
    List<String> portConflicts(List<PortBody> ports, List<String> replacingIds);

    List<NetworkInfo> networks(List<String> labelFilters);

    NetworkInfo createNetwork(NetworkRequest request);

    void removeNetwork(String name);

    List<VolumeInfo> volumes(List<String> labelFilters);

    VolumeInfo createVolume(VolumeRequest request);

    void removeVolume(String name, boolean force);

    /** The local image {@code reference} names, if present. */
    Optional<ImageInfo> findImage(String reference);

    /** @param platform {@code os/arch}, null for the node's own */
    ImageInfo pullImage(String reference, String platform, Consumer<String> progress);

    /** A network as the node holds it. */
    record NetworkInfo(String name, Map<String, String> labels) {
        public NetworkInfo {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    /**
     * A network to create.
     *
     * @param ipam the {@code ipam.config} entries (subnet, gateway, ip_range, aux_addresses), empty for addresses
     *             from the node's pool
     */
    record NetworkRequest(String name, String driver, boolean internal, Boolean enableIpv6,
                          List<io.jcompose.model.project.IpamPool> ipam, Map<String, String> driverOpts,
                          Map<String, String> labels) {
        public NetworkRequest {
            ipam = List.copyOf(ipam);
            driverOpts = Map.copyOf(driverOpts);
            labels = Map.copyOf(labels);
        }
    }

    /** A volume as the node holds it. */
    record VolumeInfo(String name, Map<String, String> labels) {
        public VolumeInfo {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    record VolumeRequest(String name, String driver, Map<String, String> driverOpts, Map<String, String> labels) {
        public VolumeRequest {
            driverOpts = Map.copyOf(driverOpts);
            labels = Map.copyOf(labels);
        }
    }

    /** @param id {@code sha256:…} */
    record ImageInfo(String id, String reference) {
    }
}
