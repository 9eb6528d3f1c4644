package io.jcompose.agent.testing;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.SpecBodies;
import io.jcompose.agent.bundle.ContainerSpec;
import java.util.function.UnaryOperator;

/** Edits a wire spec through the domain's {@code withX} copies, so tests read like the domain. */
public final class SpecBuilder {
    private SpecBuilder() {
    }

    public static ContainerSpecBody edit(ContainerSpecBody body, UnaryOperator<ContainerSpec> change) {
        return SpecBodies.fromDomain(change.apply(SpecBodies.toDomain(body)));
    }
}
