/** Facts about the host read at start (cgroup layout, rlimits, capabilities) and running its short commands. */
package io.jcompose.agent.host;
