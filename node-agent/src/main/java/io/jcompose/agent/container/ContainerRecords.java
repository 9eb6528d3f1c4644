package io.jcompose.agent.container;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.SpecBodies;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.state.ContainerRow;

/** {@link Container} ↔ {@link ContainerRow}: the spec travels as its v1 JSON form. */
final class ContainerRecords {
    private ContainerRecords() {
    }

    static ContainerRow toRow(Container c) {
        return new ContainerRow(c.id().value(), c.name().value(), c.labels(),
                WireJson.text(SpecBodies.fromDomain(c.spec())), c.state().wireName(), c.pid(), c.exitCode(),
                c.oomKilled(), c.createdAt(), c.startedAt(), c.finishedAt(), c.imageId());
    }

    static Container fromRow(ContainerRow r) {
        return new Container(new ContainerId(r.id()), new ContainerName(r.name()), r.labels(),
                SpecBodies.toDomain(WireJson.read(r.specJson(), ContainerSpecBody.class)),
                ContainerState.fromWire(r.state()), r.pid(), r.exitCode(), r.oomKilled(), r.createdAt(), r.startedAt(),
                r.finishedAt(), r.imageId());
    }
}
