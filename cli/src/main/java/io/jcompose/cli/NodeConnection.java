package io.jcompose.cli;

import io.jcompose.agent.client.AgentClient;
import io.jcompose.scheduler.node.AgentNode;
import io.jcompose.scheduler.node.Node;

/**
 * How the project commands reach the node: the shared agent connection (which starts the agent when none runs
 * and waits for its readiness). Commands the scheduler's {@link Node} does not cover (exec, pause, events, the
 * stream and time of log lines) use the same client directly.
 */
final class NodeConnection {
    private NodeConnection() {
    }

    static AgentClient client(CliContext context, java.io.PrintWriter err) {
        return new AgentConnection(context).connect(err);
    }

    static Node node(AgentClient client) {
        return new AgentNode(client);
    }
}
