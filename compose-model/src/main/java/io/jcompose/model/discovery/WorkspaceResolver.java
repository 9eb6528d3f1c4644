package io.jcompose.model.discovery;

import io.jcompose.model.ModelException;
import io.jcompose.model.ProjectOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Phase 0 of loading: which files, which project directory, which environment.
 *
 * <p>Follows docker compose's order: the process environment first; then env files ({@code --env-file},
 * COMPOSE_ENV_FILES, or {@code .env} in the directory the command looks from) so that {@code .env} can set
 * COMPOSE_FILE, COMPOSE_PROFILES and COMPOSE_PROJECT_NAME; then the compose files ({@code -f}, COMPOSE_FILE,
 * or discovery walking up from the working directory with the matching override file); then, when the
 * project directory turned out to be elsewhere, that directory's {@code .env} as well.
 */
public final class WorkspaceResolver {
    static final List<String> DEFAULT_FILES =
            List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
    static final List<String> OVERRIDE_FILES = List.of("compose.override.yml", "compose.override.yaml",
            "docker-compose.override.yml", "docker-compose.override.yaml");

    private WorkspaceResolver() {
    }

    public static Workspace resolve(ProjectOptions options, Consumer<String> warnings) {
        Path cwd = options.workingDirectory().toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(options.environment());

        List<String> explicitEnvFiles = options.envFiles();
        if (explicitEnvFiles.isEmpty()) explicitEnvFiles = split(env.get("COMPOSE_ENV_FILES"), ",");
        boolean dotEnvDisabled = isTrue(env.get("COMPOSE_DISABLE_ENV_FILE"));

        // First pass: the .env the command sees before it knows the compose files.
        Path firstDir = options.projectDirectory() != null ? cwd.resolve(options.projectDirectory()).normalize()
                : firstFileDirectory(options.files(), cwd);
        if (firstDir == null) firstDir = cwd;
        List<Path> envFiles = envFilesFor(explicitEnvFiles, dotEnvDisabled, firstDir, cwd);
        EnvFiles.addTo(env, envFiles);

        List<String> fileArgs = options.files();
        if (fileArgs.isEmpty()) {
            String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", ":");
            fileArgs = split(env.get("COMPOSE_FILE"), sep.isEmpty() ? ":" : sep);
        }
        List<Path> paths = new ArrayList<>();
        if (fileArgs.isEmpty()) {
            Path from = options.projectDirectory() != null ? firstDir : cwd;
            paths.addAll(discover(from, warnings));
            fileArgs = paths.stream().map(Path::toString).toList();
        }

        Path projectDir = options.projectDirectory() != null ? firstDir : firstFileDirectory(fileArgs, cwd);
        if (projectDir == null) projectDir = cwd;

        // Second pass: the project directory's own .env, when it differs from the first one.
        if (explicitEnvFiles.isEmpty() && !dotEnvDisabled && !projectDir.equals(firstDir)) {
            EnvFiles.addTo(env, envFilesFor(List.of(), false, projectDir, cwd));
        }

        List<ConfigFile> files = new ArrayList<>();
        for (String arg : fileArgs) {
            files.add(read(arg, cwd, options));
        }
        List<String> profiles = options.profiles().isEmpty() ? split(env.get("COMPOSE_PROFILES"), ",")
                : options.profiles().stream().flatMap(p -> split(p, ",").stream()).toList();
        String name = options.projectName();
        if (name == null || name.isEmpty()) name = env.get("COMPOSE_PROJECT_NAME");
        if (name != null && name.isEmpty()) name = null;
        return new Workspace(files, projectDir, env, profiles, name);
    }

    private static List<Path> envFilesFor(List<String> explicit, boolean disabled, Path dir, Path cwd) {
        if (!explicit.isEmpty()) return explicit.stream().map(f -> cwd.resolve(f).normalize()).toList();
        if (disabled) return List.of();
        Path dotEnv = dir.resolve(".env");
        return Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
    }

    private static Path firstFileDirectory(List<String> files, Path cwd) {
        for (String f : files) {
            if (!f.equals("-")) return cwd.resolve(f).normalize().getParent();
        }
        return null;
    }

    /** Walks up from {@code dir} to the first directory holding a compose file; adds its override file. */
    static List<Path> discover(Path dir, Consumer<String> warnings) {
        for (Path d = dir; d != null; d = d.getParent()) {
            List<Path> found = existing(d, DEFAULT_FILES);
            if (found.isEmpty()) continue;
            if (found.size() > 1) {
                warnings.accept("found multiple config files with supported names: "
                        + String.join(", ", found.stream().map(Path::toString).toList())
                        + "; using " + found.getFirst());
            }
            List<Path> out = new ArrayList<>(List.of(found.getFirst()));
            List<Path> overrides = existing(d, OVERRIDE_FILES);
            if (overrides.size() > 1) {
                warnings.accept("found multiple override files with supported names: "
                        + String.join(", ", overrides.stream().map(Path::toString).toList())
                        + "; using " + overrides.getFirst());
            }
            if (!overrides.isEmpty()) out.add(overrides.getFirst());
            return out;
        }
        throw ModelException.of("no configuration file provided: not found (looked for "
                        + String.join(", ", DEFAULT_FILES) + " in " + dir + " and its parents)",
                "run the command in a project directory, or name the file with -f FILE");
    }

    private static List<Path> existing(Path dir, List<String> names) {
        List<Path> out = new ArrayList<>();
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) out.add(p);
        }
        return out;
    }

    private static ConfigFile read(String arg, Path cwd, ProjectOptions options) {
        if (arg.equals("-")) {
            try (InputStream in = options.stdin().get()) {
                return new ConfigFile("-", new String(in.readAllBytes(), StandardCharsets.UTF_8), cwd);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path path = cwd.resolve(arg).normalize();
        if (Files.isDirectory(path)) {
            throw ModelException.of(path + " is a directory, not a compose file",
                    "name the file itself, e.g. -f " + path.resolve("compose.yaml"));
        }
        if (!Files.isRegularFile(path)) {
            throw ModelException.of("compose file " + path + " does not exist",
                    "check the -f / COMPOSE_FILE path");
        }
        try {
            return new ConfigFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8), path.getParent());
        } catch (IOException e) {
            throw ModelException.of("cannot read " + path + ": " + e.getMessage(), "check the file's permissions");
        }
    }

    static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isTrue(String v) {
        if (v == null) return false;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true" -> true;
            default -> false;
        };
    }
}
