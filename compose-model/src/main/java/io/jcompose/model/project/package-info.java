/**
 * The typed, immutable project model: what the scheduler, the agent and the CLI consume once loading is over.
 *
 * <p>{@link io.jcompose.model.project.ProjectBinder#bind ProjectBinder.bind} turns the canonical long-form tree
 * (the shape {@code docker compose config --format json} prints, i.e. compose-go's {@code types.Project}) into
 * {@link io.jcompose.model.project.Project}, {@link io.jcompose.model.project.Service} and their nested records.
 * Key names are compose's JSON keys turned into camelCase ({@code stop_grace_period} is
 * {@code stopGracePeriod()}); {@code extends} is {@code extendsConfig()} because of the Java keyword.
 *
 * <h2>Absent versus empty</h2>
 * One rule everywhere, so callers never guess:
 * <ul>
 *   <li>An absent optional scalar or nested object is {@code null} (no {@code Optional} accessors). Numbers that
 *       may be absent are boxed ({@code Long}, {@code Integer}, {@code Double}); durations are
 *       {@link java.time.Duration}; byte sizes are {@code Long} byte counts.</li>
 *   <li>A boolean whose absence means {@code false} is a primitive {@code boolean}; a tri-state one
 *       ({@code attach}, {@code init}, {@code enable_ipv6}...) is a {@code Boolean} that is {@code null} when
 *       unset.</li>
 *   <li>An absent collection is an empty immutable collection, never {@code null}. Maps keep document order.</li>
 *   <li>Two exceptions carry meaning in {@code null}: {@code command} and {@code entrypoint} are {@code null}
 *       when unset (keep the image's value) and an empty list when set to {@code []} (clear it); environment
 *       maps ({@code environment}, build {@code args}, hook {@code environment}) keep {@code null} values for a
 *       variable declared without a value and not resolved.</li>
 *   <li>A service network written as {@code name: null} binds to an all-defaults
 *       {@link io.jcompose.model.project.ServiceNetwork}; label-like maps turn a {@code null} value into "".</li>
 * </ul>
 *
 * <h2>Defaults</h2>
 * The binder applies only the defaults compose-go's types apply while decoding (port protocol {@code tcp} and
 * mode {@code ingress}, depends_on {@code service_started}/{@code required: true}, env_file
 * {@code required: true}, bind {@code create_host_path: true}, secret target {@code /run/secrets/<name>}).
 * Engine defaults (health-check interval 30s, stop grace period 10s...) are the consumer's business.
 *
 * <h2>Changes</h2>
 * Records are immutable. {@link io.jcompose.model.project.Service} and {@link io.jcompose.model.project.Project}
 * offer {@code withX} copies for the fields the engine changes; any other change goes through
 * {@link io.jcompose.model.project.Service#toBuilder()}.
 *
 * <h2>Extensions</h2>
 * {@code x-*} keys are kept on the project, services and top-level networks/volumes/secrets/configs/models as
 * plain Java values ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null}, immutable
 * {@code List} and {@code Map}). Extension keys inside nested objects are dropped.
 */
package io.jcompose.model.project;
