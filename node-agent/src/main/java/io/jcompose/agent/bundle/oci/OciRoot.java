package io.jcompose.agent.bundle.oci;

/** {@code root}: the rootfs path, relative to the bundle or absolute. */
public record OciRoot(String path, Boolean readonly) {
}
