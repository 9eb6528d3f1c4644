package io.jcompose.model.project;

/**
 * {@code services.*.credential_spec} (Windows gMSA); each part may be null.
 *
 * @param config   the name of a top-level config holding the spec
 * @param file     a spec file
 * @param registry a registry value
 */
public record CredentialSpec(String config, String file, String registry) {
}
