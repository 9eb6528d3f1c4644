package io.jcompose.model.project;

import java.util.Map;

/**
 * {@code services.*.logging}.
 *
 * @param driver  the log driver ({@code json-file}, {@code local}...), or null for the default
 * @param options driver options ({@code max-size}...)
 */
public record Logging(String driver, Map<String, String> options) {
    public Logging {
        options = Copies.map(options);
    }
}
