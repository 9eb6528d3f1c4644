/**
 * Phase "bundle" of a container start: the domain {@code ContainerSpec} in compose terms, the user resolved against
 * the image, Docker's defaults and host limits, translated to OCI {@code config.json} (wire records in {@code oci}).
 */
package io.jcompose.agent.bundle;
