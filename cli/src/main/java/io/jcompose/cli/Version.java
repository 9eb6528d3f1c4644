package io.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.IVersionProvider;

/**
 * The jcompose version, taken from the Maven project version when the jar is built (the resource
 * {@code version.txt} is filtered). Also answers {@code jcompose --version}.
 */
final class Version implements IVersionProvider {
    private static final String SNAPSHOT = "-SNAPSHOT";

    /**
     * The version users see. Maven's {@code -SNAPSHOT} suffix only says "not released yet" to the build
     * tool, so it is left out: a build of 0.1.0-SNAPSHOT reports 0.1.0.
     */
    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.txt")) {
            if (in == null) throw new IllegalStateException("version.txt is missing from the jcompose jar");
            String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return version.endsWith(SNAPSHOT) ? version.substring(0, version.length() - SNAPSHOT.length()) : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line {@code jcompose version} prints, e.g. {@code jcompose version 0.1.0}. */
    static String line() {
        return "jcompose version " + current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
