package io.jcompose.agent.volume;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A volume as the store keeps it.
 *
 * @param driver     always {@code local} today
 * @param driverOpts the local driver's {@code type}/{@code o}/{@code device}; empty for a plain directory
 */
public record Volume(String name, String driver, Map<String, String> driverOpts, Map<String, String> labels,
                     Instant createdAt) {
    /** Marks an anonymous volume; its value is the id of the container it belongs to. */
    public static final String ANONYMOUS_LABEL = "io.jcompose.volume.anonymous";

    public Volume {
        Objects.requireNonNull(name, "name");
        driver = driver == null || driver.isEmpty() ? "local" : driver;
        driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The container id an anonymous volume belongs to, or null for a named volume. */
    public String owner() {
        return labels.get(ANONYMOUS_LABEL);
    }
}
