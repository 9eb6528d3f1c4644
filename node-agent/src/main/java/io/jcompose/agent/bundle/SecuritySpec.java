package io.jcompose.agent.bundle;

import java.util.List;

/**
 * Privilege settings.
 *
 * @param privileged      every capability, no masked paths, all devices allowed
 * @param capAdd          capabilities added to Docker's default set ({@code NET_ADMIN} or {@code CAP_NET_ADMIN}, or ALL)
 * @param capDrop         capabilities removed from it (or ALL)
 * @param noNewPrivileges compose {@code security_opt: [no-new-privileges]}
 */
public record SecuritySpec(boolean privileged, List<String> capAdd, List<String> capDrop, boolean noNewPrivileges) {
    public static final SecuritySpec DEFAULT = new SecuritySpec(false, List.of(), List.of(), false);

    public SecuritySpec {
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
    }
}
