/** The durable store: SQLite rows of containers and their labels, one transaction per change. */
package io.jcompose.agent.state;
