package io.jcompose.agent.bundle.oci;

import java.util.List;

/** {@code process.user}: numeric ids only; names are resolved before they get here. */
public record OciUser(long uid, long gid, List<Long> additionalGids) {
}
