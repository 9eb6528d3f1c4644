/**
 * The OCI runtime-spec {@code config.json} as plain records: the wire format only, no rules. Absent
 * optional fields are null and left out of the JSON. {@code SpecTranslator} in the parent package
 * builds these from a {@code ContainerSpec}.
 */
package io.jcompose.agent.bundle.oci;
