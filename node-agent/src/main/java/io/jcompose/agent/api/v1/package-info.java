/**
 * Version 1 of the agent's wire format: the JSON bodies of {@code /v1/...} and the form in which the
 * state store keeps a container's spec. Plain records, null for "not given"; {@link
 * io.jcompose.agent.api.v1.SpecBodies} converts them to and from the domain's {@code ContainerSpec}.
 * Shared by the daemon and {@code io.jcompose.agent.client}.
 */
package io.jcompose.agent.api.v1;
