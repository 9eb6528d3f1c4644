package io.jcompose.agent.api.v1;

/**
 * One line of a {@code POST /v1/stops} stream.
 *
 * @param type    {@code stopping}, {@code stopped}, {@code removing}, {@code removed}, {@code failed} (with
 *                {@code error}) for container {@code id}, or {@code removed} and {@code failed} for {@code network};
 *                {@code done} once every step is over
 * @param network the network a line is about (then {@code id} is null); a {@code failed} line with neither says the
 *                networks could not be listed
 */
public record StopProgressView(String id, String type, String error, String network) {

    /** A line about a container, or the last line. */
    public StopProgressView(String id, String type, String error) {
        this(id, type, error, null);
    }
}
