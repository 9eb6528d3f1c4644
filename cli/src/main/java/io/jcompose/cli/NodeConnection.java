package io.jcompose.cli;

import io.jcompose.scheduler.node.AgentNode;
import io.jcompose.scheduler.node.Node;

/**
 * How the project commands reach the node. One method on purpose: the shared agent connection (which starts the
 * agent when none runs and waits for its readiness) replaces its body without touching any command.
 */
final class NodeConnection {
    private NodeConnection() {
    }

    static Node connect(CliContext context, java.io.PrintWriter err) {
        return new AgentNode(new AgentConnection(context).connect(err));
    }
}
