/**
 * The Compose merge rules: how one definition is laid over another when several {@code -f} files
 * are given, when a service {@code extends} another, and when a file redefines a resource that an
 * {@code include} brought in. Entry point: {@link io.jcompose.model.merge.Merger}.
 *
 * <h2>Where it sits in the load</h2>
 * Each file is parsed and interpolated on its own; the first is passed through
 * {@code stripResetTags}, every next one is merged over the result with {@code merge(result, file,
 * ROOT)}, and {@code enforceUnicity} runs after the first file and after each merge, as compose-go
 * does (once at the end is not the same: merging skips an entry identical to one already present,
 * even one that a later entry with the same key would have replaced). {@code extends} calls
 * {@code merge(base, local, services.<name>)} with the local service still carrying its tags. The
 * canonical-form phase comes later; as it expands port ranges into single ports, it should call
 * {@code enforceUnicity} again, as compose-go does.
 *
 * <h2>The rules</h2>
 * Defaults: mappings merge key by key, sequences are appended without repeating an identical entry,
 * scalars are replaced, and a null override leaves the earlier value. The exceptions are one line
 * each in {@code MergeRules}; the lists whose entries are unique by a key (variable name, port,
 * container path, secret target...) are one line each in {@code Unicity}. Both are ordered tables
 * of YAML path patterns, checked against compose-go's {@code override/merge.go} and
 * {@code override/uncity.go}. Only the short forms merging needs are read here ({@code KEY: VALUE}
 * as {@code KEY=VALUE}, name lists as mappings, {@code build: DIR}, and enough of the port and
 * volume syntaxes to tell which entries collide); everything else keeps the form it was written in.
 *
 * <h2>Tags</h2>
 * {@code !reset} removes a value (the attribute falls back to its default): on a mapping entry it
 * removes the key from both sides, on a sequence item it drops that item of the override only, and
 * its own value is ignored, so {@code command: !reset []} and {@code command: !reset null} both
 * remove the command. {@code !override} replaces the earlier value without merging
 * ({@code command: !override []} sets an empty command). In a file with nothing beneath it, the
 * first one included, {@code !reset} entries are simply dropped and {@code !override} tags ignored.
 *
 * <h2>Where jcompose differs from compose-go</h2>
 * <ul>
 *   <li>{@code extra_hosts} keeps two addresses of one host name (an IPv4 and an IPv6 address are a
 *       common pair); only exact repeats are dropped.</li>
 *   <li>{@code networks.*.ipam.config} with several earlier entries: the override's entries merge
 *       over the earlier entry of their own subnet instead of compose-go's order-dependent mix.</li>
 *   <li>A mapping used as the value of a {@code KEY: VALUE} entry is an error here, where compose-go
 *       would write Go's text for a map into the variable.</li>
 *   <li>A list entry without a readable key (a long-form port with no target...) is kept as is
 *       rather than failing the load; validation reports it later with its position.</li>
 * </ul>
 */
package io.jcompose.model.merge;
