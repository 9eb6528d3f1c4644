/**
 * Phase 5 of loading (after parse and interpolation, before {@code extends}, {@code include} and
 * merging): each compose file is checked against the Compose Specification JSON schema.
 *
 * <p>The schema is data, not code: {@code compose-spec.json} is compose-go's
 * {@code schema/compose-spec.json} stored verbatim (commit 0035625512a6452282580c697fbcbca4857d188f,
 * 92 service attributes). {@code compose-spec-additions.json} supplies {@code pre_start}, which
 * that copy predates; its entries are only used where the schema has none, so a refreshed schema
 * that defines {@code pre_start} takes over. To refresh, replace the file and run the tests: an
 * unsupported keyword or a rule table entry that no longer names a schema path fails them.
 *
 * <p>The pieces: {@link io.jcompose.model.validation.JsonReader} (jackson-core streaming) →
 * {@link io.jcompose.model.validation.SchemaCompiler} (an immutable
 * {@link io.jcompose.model.validation.SchemaNode} tree, regexes compiled once) →
 * {@link io.jcompose.model.validation.SchemaChecker} (walks our own {@code Node} tree, no
 * conversion) with the wording in {@link io.jcompose.model.validation.Messages}; plus two rule
 * tables keyed by YAML path patterns: {@link io.jcompose.model.validation.Durations} and
 * {@link io.jcompose.model.validation.IgnoredKeys}. {@link io.jcompose.model.validation.SchemaValidator}
 * is the entry point.
 */
package io.jcompose.model.validation;
