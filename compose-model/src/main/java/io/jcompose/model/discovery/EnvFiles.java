package io.jcompose.model.discovery;

import io.jcompose.model.ModelException;
import io.jcompose.model.dotenv.DotEnvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads env files into an interpolation environment the way docker compose does: later files override
 * earlier ones, a line may refer to the process environment and to earlier files, and a key the
 * environment already has is never overwritten (the shell wins).
 */
public final class EnvFiles {
    private EnvFiles() {
    }

    /** Adds the variables of {@code files} to {@code environment} where it has no value yet. */
    public static void addTo(Map<String, String> environment, List<Path> files) {
        Map<String, String> fromFiles = read(files, environment);
        fromFiles.forEach(environment::putIfAbsent);
    }

    /** The variables of {@code files}, later files winning; {@code base} answers references they don't define. */
    public static Map<String, String> read(List<Path> files, Map<String, String> base) {
        Map<String, String> fromFiles = new LinkedHashMap<>();
        for (Path file : files) {
            String content = readFile(file);
            // The shell (base) answers first, as in docker compose; then what earlier files defined.
            Map<String, String> parsed = DotEnvParser.parse(content, file.toString(), key -> {
                String v = base.get(key);
                return v != null ? v : fromFiles.get(key);
            });
            fromFiles.putAll(parsed);
        }
        return fromFiles;
    }

    private static String readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ModelException.of("couldn't find env file: " + file,
                    "check the --env-file / env_file path, or create the file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ModelException.of("cannot read env file " + file + ": " + e.getMessage(),
                    "check the file's permissions");
        }
    }
}
