/** The agent's one failure type, {@code AgentException}, and its kinds; mapped to HTTP in {@code api.ErrorStatus}. */
package io.jcompose.agent.error;
