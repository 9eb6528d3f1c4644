package io.jcompose.model.project;

/**
 * One resource limit ({@code services.*.ulimits.<name>}). A single number sets both limits, as docker does.
 *
 * @param soft the soft limit
 * @param hard the hard limit
 */
public record Ulimit(long soft, long hard) {
}
