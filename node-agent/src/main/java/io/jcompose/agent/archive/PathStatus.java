package io.jcompose.agent.archive;

import java.time.Instant;

/**
 * What a copy needs to know of a path before it moves anything: docker's {@code PathStat}.
 *
 * @param name       the last component of the path as asked
 * @param mode       permission bits ({@code 07777})
 * @param type       {@code file}, {@code directory}, {@code symlink} or {@code other}
 * @param linkTarget a symlink's target as written in it, else empty
 */
public record PathStatus(String name, long size, int mode, String type, Instant modified, String linkTarget) {
    public boolean directory() {
        return type.equals("directory");
    }
}
