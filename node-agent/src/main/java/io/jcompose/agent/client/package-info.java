/** The Java client of the API for the CLI and the scheduler: {@code AgentClient}, {@code AgentReadiness}. */
package io.jcompose.agent.client;
