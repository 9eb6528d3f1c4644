package io.jcompose.agent.bundle.oci;

import java.util.List;

/** {@code process}: also the body of {@code runc exec --process}. */
public record OciProcess(Boolean terminal, OciUser user, List<String> args, List<String> env, String cwd,
                         OciCapabilities capabilities, List<OciRlimit> rlimits, Boolean noNewPrivileges) {
}
