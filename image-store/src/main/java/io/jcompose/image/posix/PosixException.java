package io.jcompose.image.posix;

import java.io.IOException;

/** A failed libc call, with its {@code errno}. */
public final class PosixException extends IOException {
    private final int errno;

    public PosixException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
