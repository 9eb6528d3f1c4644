/**
 * The agent's side of images: the host's {@link io.jcompose.image.ImageStore} under
 * {@code <dataRoot>/images}, the overlay mounts of containers' snapshots (the store only describes
 * them), the merge of an image's config into a container's process, and the wire views of images.
 */
package io.jcompose.agent.image;
