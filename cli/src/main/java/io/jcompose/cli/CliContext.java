package io.jcompose.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command may read from the process besides its arguments. Commands never call
 * {@code System.getenv()} or read {@code user.dir} themselves, so tests run them in a made-up
 * directory with a made-up environment.
 *
 * @param environment      the process environment
 * @param workingDirectory the directory relative paths are resolved against
 * @param stdin            supplies standard input (for {@code -f -})
 */
public record CliContext(Map<String, String> environment, Path workingDirectory, Supplier<InputStream> stdin) {

    public CliContext {
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** The context of the running process. */
    public static CliContext ofProcess() {
        return new CliContext(System.getenv(), Path.of("").toAbsolutePath(), () -> System.in);
    }

    /** A context for a directory and environment, with empty standard input. */
    public static CliContext of(Path workingDirectory, Map<String, String> environment) {
        return new CliContext(environment, workingDirectory, InputStream::nullInputStream);
    }

    /** The home directory: {@code $HOME}, else the JVM's idea of it. */
    public Path homeDirectory() {
        String home = environment.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }
}
