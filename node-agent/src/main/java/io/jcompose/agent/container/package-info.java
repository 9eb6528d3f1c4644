/**
 * The container lifecycle: states and their one transition table, the service that drives runtime and monitor
 * and commits each change, exec, and the reconciler that repairs the store against the host at start.
 */
package io.jcompose.agent.container;
