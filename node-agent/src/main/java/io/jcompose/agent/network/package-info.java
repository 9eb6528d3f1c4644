/**
 * The agent's network wiring: user-defined networks as API resources, containers attached through
 * the network manager when they start, and one embedded DNS server per network whose view follows
 * the attachments. See docs/design/0009-agent-network-wiring.md.
 */
package io.jcompose.agent.network;
