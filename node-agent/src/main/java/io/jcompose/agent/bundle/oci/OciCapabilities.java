package io.jcompose.agent.bundle.oci;

import java.util.List;

/** {@code process.capabilities}: names like {@code CAP_CHOWN}. */
public record OciCapabilities(List<String> bounding, List<String> effective, List<String> permitted) {
}
