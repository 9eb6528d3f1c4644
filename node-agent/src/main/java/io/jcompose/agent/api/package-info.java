/** The JSON HTTP API on the unix socket (Netty): server, pipeline, routes, error mapping. Wire records are in {@code v1}. */
package io.jcompose.agent.api;
