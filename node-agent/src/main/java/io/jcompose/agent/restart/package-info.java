/**
 * Restart policies: the decision after an exit, the backoff between restarts, the supervisor that
 * applies them, and bringing {@code always}/{@code unless-stopped} containers back when the agent starts.
 */
package io.jcompose.agent.restart;
