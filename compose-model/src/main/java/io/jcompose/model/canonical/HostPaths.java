package io.jcompose.model.canonical;

/**
 * compose-go's relative path resolution ({@code paths/resolve.go}): which values become absolute,
 * against which directory, and how {@code ~} expands. With resolution off every path is kept as
 * written, as {@code docker compose config --no-path-resolution} does.
 */
final class HostPaths {
    private static final String[] REMOTE_CONTEXT_PREFIXES = {
        "https://", "http://", "git://", "ssh://", "github.com/", "git@"};

    private final String workingDir;
    private final String home;
    private final boolean resolve;

    HostPaths(CanonicalContext ctx) {
        this.workingDir = ctx.projectDirectory() == null ? "" : ctx.projectDirectory().toString();
        this.home = ctx.homeDirectory() == null ? "" : ctx.homeDirectory().toString();
        this.resolve = ctx.resolvePaths();
    }

    /** {@code ~} or {@code ~/x} under the home directory; Go joins, so the result is cleaned. */
    String expandUser(String path) {
        if (!path.startsWith("~") || home.isEmpty()) return path;
        return GoPath.join(home, path.substring(1));
    }

    /** env_file paths, include paths: absolute ones are kept verbatim, relative ones joined and cleaned. */
    String absPath(String path) {
        if (!resolve) return path;
        String p = expandUser(path);
        if (GoPath.isAbs(p) || p.isEmpty()) return p;
        return GoPath.join(workingDir, p);
    }

    /** Bind mount sources, secret/config files, local volume devices: Windows-absolute paths stay too. */
    String maybeUnixPath(String path) {
        if (!resolve) return path;
        String p = expandUser(path);
        if (GoPath.isAbs(p) || GoPath.isWindowsAbs(p)) return p;
        return GoPath.join(workingDir, p);
    }

    /** Build contexts: URLs, git remotes and {@code service:} references are not paths. */
    String contextPath(String path) {
        if (!resolve || path.contains("://") || path.startsWith("service:")) return path;
        for (String prefix : REMOTE_CONTEXT_PREFIXES) {
            if (path.startsWith(prefix)) return path;
        }
        return absPath(path);
    }
}
