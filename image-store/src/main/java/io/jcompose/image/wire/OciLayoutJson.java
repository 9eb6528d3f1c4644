package io.jcompose.image.wire;

/** The {@code oci-layout} marker file of an OCI image layout. */
public record OciLayoutJson(String imageLayoutVersion) {
}
