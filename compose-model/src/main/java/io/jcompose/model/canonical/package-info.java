/**
 * Phase "canonical form" of the compose-model pipeline: a merged, interpolated project becomes the
 * long form that compose-go builds ({@code types.Project}) — every short syntax expanded, compose's
 * defaults filled, relative paths absolute, resources named. Entry point: {@link
 * io.jcompose.model.canonical.Canonicalizer}. Folding {@code env_file} into {@code environment} is the
 * next phase ({@code io.jcompose.model.environment}).
 *
 * <p>Rules are tables: {@code Services} lists one rule per service attribute, {@code Mounts},
 * {@code Resources}, {@code Builds}, {@code Ports}, {@code Mappings} hold the rules for their nouns,
 * {@code ProjectResources} the top-level resources, {@code Normalizer} the cross-attribute steps.
 *
 * <p>Reference behaviour is docker compose v2 with compose-go v2 (up to the 2.9 line): secret and
 * config modes print as octal strings, devices in long form, {@code bind.create_host_path: true}
 * and {@code env_file ... required: true} printed. compose-go 2.10+ stopped printing those two
 * {@code true} values; following it is a change to {@code Mounts} and the golden files.
 */
package io.jcompose.model.canonical;
