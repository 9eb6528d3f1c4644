package io.jcompose.image.build.dockerfile;

/** One {@code key=value} pair of ENV or LABEL. */
public record KeyValue(String key, String value) {}
