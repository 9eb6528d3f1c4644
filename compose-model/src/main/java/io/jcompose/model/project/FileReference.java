package io.jcompose.model.project;

/**
 * A service's use of a top-level secret or config ({@code services.*.secrets[]}, {@code configs[]},
 * {@code build.secrets[]}).
 *
 * @param source the key of the top-level secret or config
 * @param target where it is mounted (secrets default to {@code /run/secrets/<source>}), or null
 * @param uid    owner uid, or null
 * @param gid    owner gid, or null
 * @param mode   file mode (for example {@code 0440}), or null
 */
public record FileReference(String source, String target, String uid, String gid, Integer mode) {
}
