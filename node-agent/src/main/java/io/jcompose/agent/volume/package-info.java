/**
 * Volumes: named and anonymous {@code local} volumes as directories under the data root, their
 * records in the agent's database, Docker's local driver options (a host directory, a tmpfs or any
 * file system mounted on the volume's directory), and the container hook that turns volume mounts
 * into bind mounts and fills a new volume from the image.
 */
package io.jcompose.agent.volume;
