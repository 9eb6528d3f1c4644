package io.jcompose.image.build.context;

import java.nio.file.Path;

/**
 * One context entry a COPY/ADD source stands for.
 *
 * @param pattern      the source as written in the Dockerfile (a path or a glob)
 * @param relativePath the matched name, slash-separated, relative to the context root ({@code "."} for the
 *                     root itself); its last component is the name a file gets when copied into a directory
 * @param path         where its content is: inside the context, symlinks on the way resolved within the
 *                     context root, so it is made of real directories only
 * @param directory    whether {@code path} is a directory (whose contents, not itself, are copied)
 */
public record Source(String pattern, String relativePath, Path path, boolean directory) {
    /** The name the source gets when copied into a directory. */
    public String name() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }
}
