/** The agent process: configuration, the one-instance lock, wiring ({@code Agent}), serving ({@code Daemon}), {@code AgentMain}. */
package io.jcompose.agent.daemon;
