package io.jcompose.agent.api.v1;

import java.util.List;

/** {@code POST /v1/containers/{id}/exec}: user and workingDir default to the container's. */
public record ExecRequest(List<String> command, List<String> env, String user, String workingDir) {
}
