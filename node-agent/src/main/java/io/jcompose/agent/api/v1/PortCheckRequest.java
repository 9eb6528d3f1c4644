package io.jcompose.agent.api.v1;

import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import java.util.List;

/**
 * {@code POST /v1/ports/check}: can these ports be published now? Asked by {@code up} before it creates
 * anything.
 *
 * @param ports     the published ports of every container the caller is about to create or start, in the
 *                  form of a container spec's {@code ports}
 * @param replacing ids of containers the caller removes or restarts first: the ports they publish count as free
 */
public record PortCheckRequest(List<PortBody> ports, List<String> replacing) {
}
