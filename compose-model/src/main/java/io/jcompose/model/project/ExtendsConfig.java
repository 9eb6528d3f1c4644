package io.jcompose.model.project;

/**
 * {@code services.*.extends}: the service this one was built from.
 *
 * @param file    the file holding it, or null for the same file
 * @param service its name
 */
public record ExtendsConfig(String file, String service) {
}
