package io.jcompose.agent.api.v1;

/**
 * One line of a {@code POST /v1/stops} stream.
 *
 * @param type {@code stopping}, {@code stopped}, {@code removing}, {@code removed}, {@code failed} (with
 *             {@code error}) for container {@code id}; {@code done} once every step is over
 */
public record StopProgressView(String id, String type, String error) {
}
