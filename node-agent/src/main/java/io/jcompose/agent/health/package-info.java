/**
 * Health checks: the state machine over probe results (Docker's rules), and the monitor that runs
 * probes inside each running container on a virtual thread.
 */
package io.jcompose.agent.health;
