/**
 * Copying files into and out of a container ({@code jcompose cp}): tar streams of a path read from, or
 * extracted into, the container's view of its files, every path resolved inside the container's root by the
 * kernel ({@code openat2} with {@code RESOLVE_IN_ROOT}), never through a symlink or {@code ..} out of it.
 * docs/design/0010-container-archives.md explains the choices.
 */
package io.jcompose.agent.archive;
