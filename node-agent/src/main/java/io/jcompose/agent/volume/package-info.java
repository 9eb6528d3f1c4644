/**
 * Volumes: named and anonymous {@code local} volumes as directories under the data root, their
 * records in the agent's database, and the container hook that turns volume mounts into bind mounts
 * and fills a new volume from the image.
 */
package io.jcompose.agent.volume;
