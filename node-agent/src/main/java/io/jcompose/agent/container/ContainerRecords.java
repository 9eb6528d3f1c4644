package io.jcompose.agent.container;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.SpecBodies;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.state.ContainerRow;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Container} ↔ {@link ContainerRow}: the spec travels as its v1 JSON form. A container's spec never changes
 * after its create, yet every look-up decoded it and every state change encoded it again (JSON through Jackson,
 * mostly interpreted in the agent: the bulk of a stop's, an exit's and a removal's own work); each container's last
 * decoded spec and its text are kept, and either direction reuses them while the text (or the very spec object)
 * is the same.
 */
final class ContainerRecords {
    /** Beyond this many containers the cache starts again (a host rarely keeps more). */
    private static final int LIMIT = 1024;
    private static final Map<String, Coded> CODED = new ConcurrentHashMap<>();

    /** A spec and its JSON text. */
    private record Coded(ContainerSpec spec, String json) {
    }

    private ContainerRecords() {
    }

    static ContainerRow toRow(Container c) {
        return new ContainerRow(c.id().value(), c.name().value(), c.labels(), json(c.id().value(), c.spec()),
                c.state().wireName(), c.pid(), c.exitCode(), c.oomKilled(), c.createdAt(), c.startedAt(),
                c.finishedAt(), c.imageId());
    }

    static Container fromRow(ContainerRow r) {
        return new Container(new ContainerId(r.id()), new ContainerName(r.name()), r.labels(), spec(r.id(), r.specJson()),
                ContainerState.fromWire(r.state()), r.pid(), r.exitCode(), r.oomKilled(), r.createdAt(), r.startedAt(),
                r.finishedAt(), r.imageId());
    }

    /** Forgets a removed container's spec. */
    static void forget(String id) {
        CODED.remove(id);
    }

    private static String json(String id, ContainerSpec spec) {
        Coded known = CODED.get(id);
        if (known != null && known.spec() == spec) {
            return known.json();
        }
        // Not kept: a spec that was never decoded may hold what its text does not say, and a look-up must go on
        // finding what the text says.
        return WireJson.text(SpecBodies.fromDomain(spec));
    }

    private static ContainerSpec spec(String id, String json) {
        Coded known = CODED.get(id);
        if (known != null && known.json().equals(json)) {
            return known.spec();
        }
        ContainerSpec spec = SpecBodies.toDomain(WireJson.read(json, ContainerSpecBody.class));
        keep(id, new Coded(spec, json));
        return spec;
    }

    private static void keep(String id, Coded coded) {
        if (CODED.size() >= LIMIT) {
            CODED.clear();
        }
        CODED.put(id, coded);
    }
}
