package io.jcompose.network.port;

import io.jcompose.network.ContainerId;
import io.jcompose.network.NetworkException;
import io.jcompose.network.PortConflict;
import io.jcompose.network.PortMapping;
import io.jcompose.network.state.ContainerState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the host ports of mappings can be published now, changing nothing: the pre-flight check
 * {@code up} runs before it creates anything. Each fixed host port is looked up among the ports the
 * manager's containers publish, then bound and released at once. Ports of the containers about to be
 * replaced count as free (they are released before their successors publish them); a host range is
 * free when any port of it is; an ephemeral port is always free.
 */
public final class PortCheck {

    private final PortPublisher publisher;

    public PortCheck(PortPublisher publisher) {
        this.publisher = publisher;
    }

    /** One conflict per binding that has no free port, in the order of {@code mappings}. */
    public List<PortConflict> check(List<PortMapping> mappings, Collection<ContainerState> containers, Set<ContainerId> replacing) {
        List<ContainerState> staying = containers.stream().filter(c -> !replacing.contains(c.id())).toList();
        List<ContainerState> leaving = containers.stream().filter(c -> replacing.contains(c.id())).toList();
        List<PortConflict> out = new ArrayList<>();
        for (PortMapping mapping : mappings) {
            for (Binding b : PortPlanner.hostSide(List.of(mapping))) {
                if (b.ephemeral()) {
                    continue;
                }
                try {
                    Binding left = PortPlanner.excludeTaken(b, staying);
                    // the manager itself holds the sockets of a leaving container: probing them would find ourselves
                    boolean freedByReplacement = left.candidates().stream()
                            .anyMatch(port -> PortPlanner.holderOf(left, port, leaving) != null);
                    if (!freedByReplacement) {
                        publisher.probe(left).ifPresent(e -> out.add(new PortConflict(mapping, e.getMessage(), Optional.empty())));
                    }
                } catch (NetworkException e) {
                    // every candidate is published by a staying container: the first one's holder is the one named
                    ContainerState holder = PortPlanner.holderOf(b, b.candidates().getFirst(), staying);
                    out.add(new PortConflict(mapping, e.getMessage(), Optional.ofNullable(holder).map(ContainerState::id)));
                }
            }
        }
        return out;
    }
}
