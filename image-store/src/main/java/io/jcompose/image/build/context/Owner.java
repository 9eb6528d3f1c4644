package io.jcompose.image.build.context;

/** The numeric owner COPY/ADD {@code --chown} gives to what it writes, already resolved from names. */
public record Owner(int uid, int gid) {
    /** What COPY writes when no {@code --chown} is given. */
    public static final Owner ROOT = new Owner(0, 0);

    public Owner {
        if (uid < 0 || gid < 0) throw new IllegalArgumentException("uid and gid must not be negative: " + uid + ":" + gid);
    }
}
