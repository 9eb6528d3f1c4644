package io.jcompose.model.canonical;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** Reads one {@code env_file}: the loader supplies the dotenv parser, this package stays free of I/O. */
@FunctionalInterface
public interface EnvFileReader {
    /**
     * The variables defined by {@code file}, in file order, or {@code null} when the file does not
     * exist. {@code format} is the entry's {@code format} ({@code null} or {@code raw}); {@code lookup}
     * resolves {@code ${VAR}} references inside the file and returns {@code null} for unset names.
     */
    Map<String, String> read(Path file, String format, Function<String, String> lookup);
}
