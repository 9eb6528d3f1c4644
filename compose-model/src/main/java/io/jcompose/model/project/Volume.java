package io.jcompose.model.project;

import java.util.Map;

/**
 * A top-level named volume ({@code volumes.<key>}).
 *
 * @param name       the engine name, or null
 * @param driver     the driver ({@code local} when null)
 * @param driverOpts driver options
 * @param external   created outside the project: never created or removed
 * @param labels     volume labels
 * @param extensions {@code x-*} keys
 */
public record Volume(String name, String driver, Map<String, String> driverOpts, boolean external,
                     Map<String, String> labels, Map<String, Object> extensions) {

    public Volume {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
        extensions = Copies.map(extensions);
    }
}
