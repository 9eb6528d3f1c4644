package io.jcompose.agent.container;

import io.jcompose.agent.error.AgentException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A container's identity: 64 lowercase hex characters, as Docker's. */
public record ContainerId(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public ContainerId {
        if (value == null || value.length() != 64 || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw AgentException.invalid("\"" + value + "\" is not a container id", "ids are 64 lowercase hex characters");
        }
    }

    public static ContainerId random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ContainerId(HexFormat.of().formatHex(bytes));
    }

    /** The first 12 characters, as {@code docker ps} shows. */
    public String shortId() {
        return value.substring(0, 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
