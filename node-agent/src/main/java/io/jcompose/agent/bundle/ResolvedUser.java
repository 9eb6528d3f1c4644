package io.jcompose.agent.bundle;

import java.util.List;

/**
 * A user spec resolved against the image's {@code /etc/passwd} and {@code /etc/group}.
 *
 * @param uid            user id
 * @param gid            primary group id
 * @param additionalGids supplementary groups: the user's memberships, then {@code group_add}
 * @param home           home directory for {@code HOME}, {@code /} when the user has no entry
 */
public record ResolvedUser(long uid, long gid, List<Long> additionalGids, String home) {
    public ResolvedUser {
        additionalGids = List.copyOf(additionalGids);
    }
}
