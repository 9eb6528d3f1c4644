package io.jcompose.agent.api.v1;

/**
 * One line of a pull's stream. Progress lines carry {@code status} (resolving, resolved, exists,
 * downloading, downloaded, extracted, retrying, pulled) and, per layer, its digest and bytes. The last
 * line carries either {@code image} (done) or {@code error} (failed): the stream's HTTP status is sent
 * before the pull ends, so a failure travels in the body.
 *
 * @param layer   the layer's digest, null for image-wide lines
 * @param current bytes received so far (downloading), else the layer size when known
 * @param total   the layer's (or, for {@code resolved}, the whole image's) size in bytes
 * @param message a detail, e.g. why a request is retried
 */
public record PullProgressView(String layer, String status, Long current, Long total, String message,
                               ImageView image, ErrorBody error) {
}
