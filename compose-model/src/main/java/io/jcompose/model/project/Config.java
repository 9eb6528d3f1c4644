package io.jcompose.model.project;

import java.util.Map;

/**
 * A top-level config ({@code configs.<key>}): from a file, an environment variable, inline content, or external.
 *
 * @param name           the engine name, or null
 * @param file           the source file, or null
 * @param environment    the source variable, or null
 * @param content        inline content, or null
 * @param external       managed outside the project
 * @param labels         labels
 * @param driver         driver, or null
 * @param driverOpts     driver options
 * @param templateDriver template driver, or null
 * @param extensions     {@code x-*} keys
 */
public record Config(String name, String file, String environment, String content, boolean external,
                     Map<String, String> labels, String driver, Map<String, String> driverOpts,
                     String templateDriver, Map<String, Object> extensions) {

    public Config {
        labels = Copies.map(labels);
        driverOpts = Copies.map(driverOpts);
        extensions = Copies.map(extensions);
    }
}
