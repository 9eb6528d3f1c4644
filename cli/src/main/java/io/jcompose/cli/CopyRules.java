package io.jcompose.cli;

import io.jcompose.agent.archive.ContainerPaths;

/**
 * Where copied files land, docker's rules ({@code PrepareArchiveCopy} of moby's archive package) as one table:
 * from what the source is (a directory or not) and what the destination is (missing, a directory, a file,
 * asserted to be a directory by a trailing {@code /}), the directory the archive is extracted into and the
 * name its top entry takes there. The same for both directions; only the stat of each side differs.
 */
final class CopyRules {
    private CopyRules() {
    }

    /** Extract into {@code directory}, the top entry renamed to {@code topName}. */
    record Placement(String directory, String topName) {
    }

    static Placement place(String source, boolean sourceIsDir, String destination, boolean destExists, boolean destIsDir) {
        String clean = ContainerPaths.clean(destination);
        String parent = ContainerPaths.parent(clean);
        String base = clean.equals("/") ? "." : clean.substring(clean.lastIndexOf('/') + 1);
        if (destExists && destIsDir) {
            return new Placement(clean, ContainerPaths.baseName(source)); // into it, under the source's own name
        }
        if (destExists && sourceIsDir) {
            throw new CommandFailure("cannot copy directory " + source + " onto the file " + destination);
        }
        if (!destExists && !sourceIsDir && ContainerPaths.assertsDirectory(destination)) {
            throw new CommandFailure("no such directory: " + destination);
        }
        return new Placement(parent, base); // a new file or directory, or a file replaced: named as the destination
    }

    /** {@code SERVICE:PATH} → [service, path]; a local path → [null, path], as docker compose splits them. */
    static String[] split(String argument) {
        if (argument.startsWith("/")) {
            return new String[] {null, argument};
        }
        int colon = argument.indexOf(':');
        if (colon < 0 || argument.startsWith(".")) {
            return new String[] {null, argument};
        }
        return new String[] {argument.substring(0, colon), argument.substring(colon + 1)};
    }

    /** {@code path} made absolute against {@code cwd}, keeping a trailing {@code /} or {@code /.}. */
    static String absolute(String cwd, String path) {
        String joined = path.startsWith("/") ? path : cwd + "/" + path;
        String clean = ContainerPaths.clean(joined);
        if (ContainerPaths.meansContent(path)) {
            return clean.equals("/") ? "/." : clean + "/.";
        }
        return path.endsWith("/") && !clean.equals("/") ? clean + "/" : clean;
    }
}
