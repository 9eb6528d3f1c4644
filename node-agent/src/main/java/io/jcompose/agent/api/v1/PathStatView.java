package io.jcompose.agent.api.v1;

/**
 * {@code GET /v1/containers/{ref}/archive/stat}: a path inside a container, as docker's {@code PathStat}.
 *
 * @param mode       permission bits ({@code 07777})
 * @param type       file, directory, symlink or other
 * @param mtime      RFC 3339
 * @param linkTarget a symlink's target as written in it, else empty
 */
public record PathStatView(String name, long size, int mode, String type, String mtime, String linkTarget) {
}
