package io.jcompose.agent.api.v1;

/**
 * {@code GET /v1/version}.
 *
 * @param runtimeReason why this runtime: the verdict on every candidate
 * @param cgroupLayout  unified, hybrid or legacy
 */
public record VersionView(String version, String apiVersion, int pid, String runtime, String runtimeVersion,
                          String runtimeReason, String cgroupLayout) {
}
