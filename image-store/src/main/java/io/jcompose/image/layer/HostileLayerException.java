package io.jcompose.image.layer;

/** A layer entry that would write outside the layer, or otherwise breaks the rules; unchecked on purpose. */
public final class HostileLayerException extends RuntimeException {
    HostileLayerException(String message) {
        super(message);
    }
}
