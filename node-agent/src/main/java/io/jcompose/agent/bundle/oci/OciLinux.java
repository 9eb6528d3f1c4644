package io.jcompose.agent.bundle.oci;

import java.util.List;
import java.util.Map;

/** {@code linux}. */
public record OciLinux(Map<String, String> sysctl, OciResources resources, String cgroupsPath,
                       List<OciNamespace> namespaces, List<String> maskedPaths, List<String> readonlyPaths) {
}
