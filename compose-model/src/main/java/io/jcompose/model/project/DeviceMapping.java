package io.jcompose.model.project;

/**
 * A host device made available in the container ({@code services.*.devices[]}).
 *
 * @param source      the host device path (or a CDI name)
 * @param target      the path in the container, or null
 * @param permissions cgroup permissions ({@code rwm}), or null
 */
public record DeviceMapping(String source, String target, String permissions) {
}
