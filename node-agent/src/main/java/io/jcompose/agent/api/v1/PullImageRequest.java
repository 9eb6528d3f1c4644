package io.jcompose.agent.api.v1;

/**
 * {@code POST /v1/images/pull}.
 *
 * @param reference e.g. {@code redis:7}, {@code registry:5000/team/api@sha256:…}
 * @param platform  {@code os/arch[/variant]}; null for linux/amd64
 */
public record PullImageRequest(String reference, String platform) {
}
