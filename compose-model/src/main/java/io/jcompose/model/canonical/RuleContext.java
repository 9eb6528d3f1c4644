package io.jcompose.model.canonical;

/** What rules may consult besides the value itself: path resolution, the interpolation env, warnings. */
record RuleContext(CanonicalContext ctx, HostPaths paths) {
    RuleContext(CanonicalContext ctx) {
        this(ctx, new HostPaths(ctx));
    }

    /** The interpolation environment's value, or {@code null} when unset. */
    String env(String key) {
        return ctx.environment() == null ? null : ctx.environment().apply(key);
    }

    void warn(String message) {
        if (ctx.warnings() != null) ctx.warnings().accept(message);
    }
}
