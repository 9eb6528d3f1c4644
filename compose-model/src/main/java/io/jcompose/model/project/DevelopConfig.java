package io.jcompose.model.project;

import java.util.List;

/**
 * {@code services.*.develop}: what {@code watch} does when files change.
 *
 * @param watch the watch rules in order
 */
public record DevelopConfig(List<WatchRule> watch) {
    public DevelopConfig {
        watch = Copies.list(watch);
    }

    /**
     * One {@code develop.watch[]} rule.
     *
     * @param path        the host path watched
     * @param action      what to do on a change
     * @param target      the container path for sync actions, or null
     * @param exec        the command for {@code sync+exec}, or null
     * @param ignore      patterns not watched
     * @param include     patterns watched (all when empty)
     * @param initialSync sync everything when watching starts
     */
    public record WatchRule(String path, Action action, String target, ServiceHook exec, List<String> ignore,
                            List<String> include, boolean initialSync) {
        public WatchRule {
            ignore = Copies.list(ignore);
            include = Copies.list(include);
        }
    }

    public enum Action implements WireValue {
        SYNC("sync"), REBUILD("rebuild"), RESTART("restart"), SYNC_RESTART("sync+restart"), SYNC_EXEC("sync+exec");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}
