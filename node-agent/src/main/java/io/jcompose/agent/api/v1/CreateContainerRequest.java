package io.jcompose.agent.api.v1;

import java.util.Map;

/** {@code POST /v1/containers}: name optional (the short id is used when absent). */
public record CreateContainerRequest(String name, Map<String, String> labels, ContainerSpecBody spec) {
}
