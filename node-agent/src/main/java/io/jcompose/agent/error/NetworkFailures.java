package io.jcompose.agent.error;

import io.jcompose.network.NetworkException;

/**
 * The network manager's errors in the agent's terms. Both sides use the same kinds, so the kind is
 * carried over as is and the message (already {@code problem — fix}) becomes the problem.
 */
public final class NetworkFailures {
    private NetworkFailures() {
    }

    public static AgentException toAgent(NetworkException e) {
        ErrorKind kind = ErrorKind.valueOf(e.kind().name());
        return new AgentException(kind, e.getMessage(), null, e);
    }
}
