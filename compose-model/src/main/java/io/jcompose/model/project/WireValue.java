package io.jcompose.model.project;

/**
 * A closed set of compose keywords ({@code service_healthy}, {@code tcp}, {@code on-failure}...) as a Java enum:
 * {@link #wire()} is the exact text compose writes, so binding and rendering share one spelling.
 */
public interface WireValue {
    String wire();

    /** The constant whose {@link #wire()} is {@code text}, or {@code null}. */
    static <E extends Enum<E> & WireValue> E find(E[] values, String text) {
        for (E e : values) {
            if (e.wire().equals(text)) return e;
        }
        return null;
    }
}
