/**
 * Health checks: the state machine over probe results (Docker's rules), the monitor that runs
 * probes inside each running container on a virtual thread, and the table that keeps each
 * container's health across agent restarts.
 */
package io.jcompose.agent.health;
