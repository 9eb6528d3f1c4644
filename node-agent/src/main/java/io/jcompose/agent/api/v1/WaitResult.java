package io.jcompose.agent.api.v1;

/** {@code POST /v1/containers/{id}/wait}: the exit once the container is not running. */
public record WaitResult(int exitCode, boolean oomKilled) {
}
