package io.jcompose.agent.bundle.oci;

import java.util.List;

/** The top level of {@code config.json} (runtime-spec 1.0). */
public record OciSpec(String ociVersion, OciProcess process, OciRoot root, String hostname, String domainname,
                      List<OciMount> mounts, OciLinux linux) {
    public static final String VERSION = "1.0.2";
}
