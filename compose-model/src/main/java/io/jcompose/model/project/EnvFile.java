package io.jcompose.model.project;

/**
 * One {@code env_file} entry.
 *
 * @param path     the file, resolved against the project directory by the loader
 * @param required fail when the file is missing ({@code true} unless written {@code false})
 * @param format   {@code raw} to read values verbatim, or null for compose's dotenv syntax
 */
public record EnvFile(String path, boolean required, String format) {
}
