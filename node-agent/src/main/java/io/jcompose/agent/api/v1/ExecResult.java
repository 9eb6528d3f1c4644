package io.jcompose.agent.api.v1;

/** The outcome of a finished exec: its exit code and its output, stdout and stderr apart. */
public record ExecResult(int exitCode, String stdout, String stderr) {
}
