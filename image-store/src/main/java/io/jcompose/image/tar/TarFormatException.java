package io.jcompose.image.tar;

import java.io.IOException;

/** The stream is not a tar archive we can read safely; the message says where and why. */
public final class TarFormatException extends IOException {
    public TarFormatException(String message) {
        super(message);
    }
}
