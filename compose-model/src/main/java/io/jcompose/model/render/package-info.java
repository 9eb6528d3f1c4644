/**
 * Printing a canonical project as {@code docker compose config} does, in JSON ({@code encoding/json}
 * with {@code MarshalIndent}) and YAML (go-yaml), and the per-service config hash that labels
 * containers. {@code Shapes} is the one table of compose-go struct field orders both renderers and
 * the hash follow; map keys are sorted the way each Go encoder sorts them.
 */
package io.jcompose.model.render;
