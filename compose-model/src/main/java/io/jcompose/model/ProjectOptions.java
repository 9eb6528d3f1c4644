package io.jcompose.model;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything a load depends on besides the files themselves: the command-line options of docker compose
 * and the process environment. The loader reads nothing else (no System.getenv, no user.dir).
 *
 * @param files             {@code -f} values as given, {@code "-"} for stdin; empty means COMPOSE_FILE or discovery
 * @param projectDirectory  {@code --project-directory}, or null
 * @param projectName       {@code -p}, or null
 * @param envFiles          {@code --env-file} values; empty means COMPOSE_ENV_FILES or the default {@code .env}
 * @param profiles          {@code --profile} values; empty means COMPOSE_PROFILES
 * @param targetServices    services named on the command line (they activate their own profiles)
 * @param workingDirectory  the directory the command runs in
 * @param environment       the process environment (highest precedence for interpolation)
 * @param homeDirectory     for {@code ~} expansion
 * @param interpolate       false for {@code config --no-interpolate}
 * @param resolvePaths      false for {@code config --no-path-resolution}
 * @param stdin             supplies the stream {@code -f -} reads
 */
public record ProjectOptions(
        List<String> files,
        String projectDirectory,
        String projectName,
        List<String> envFiles,
        List<String> profiles,
        List<String> targetServices,
        Path workingDirectory,
        Map<String, String> environment,
        Path homeDirectory,
        boolean interpolate,
        boolean resolvePaths,
        Supplier<InputStream> stdin) {

    public ProjectOptions {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        targetServices = List.copyOf(targetServices);
        environment = Map.copyOf(environment);
    }

    /** Options for a plain invocation in {@code workingDirectory} with the given environment. */
    public static ProjectOptions in(Path workingDirectory, Map<String, String> environment) {
        return new ProjectOptions(List.of(), null, null, List.of(), List.of(), List.of(), workingDirectory,
                environment, Path.of(environment.getOrDefault("HOME", "/root")), true, true,
                () -> InputStream.nullInputStream());
    }

    public ProjectOptions withFiles(List<String> newFiles) {
        return new ProjectOptions(newFiles, projectDirectory, projectName, envFiles, profiles, targetServices,
                workingDirectory, environment, homeDirectory, interpolate, resolvePaths, stdin);
    }

    public ProjectOptions withProjectDirectory(String dir) {
        return new ProjectOptions(files, dir, projectName, envFiles, profiles, targetServices,
                workingDirectory, environment, homeDirectory, interpolate, resolvePaths, stdin);
    }

    public ProjectOptions withProjectName(String name) {
        return new ProjectOptions(files, projectDirectory, name, envFiles, profiles, targetServices,
                workingDirectory, environment, homeDirectory, interpolate, resolvePaths, stdin);
    }

    public ProjectOptions withEnvFiles(List<String> newEnvFiles) {
        return new ProjectOptions(files, projectDirectory, projectName, newEnvFiles, profiles, targetServices,
                workingDirectory, environment, homeDirectory, interpolate, resolvePaths, stdin);
    }

    public ProjectOptions withProfiles(List<String> newProfiles) {
        return new ProjectOptions(files, projectDirectory, projectName, envFiles, newProfiles, targetServices,
                workingDirectory, environment, homeDirectory, interpolate, resolvePaths, stdin);
    }

    public ProjectOptions withTargetServices(List<String> services) {
        return new ProjectOptions(files, projectDirectory, projectName, envFiles, profiles, services,
                workingDirectory, environment, homeDirectory, interpolate, resolvePaths, stdin);
    }

    public ProjectOptions withInterpolate(boolean on) {
        return new ProjectOptions(files, projectDirectory, projectName, envFiles, profiles, targetServices,
                workingDirectory, environment, homeDirectory, on, resolvePaths, stdin);
    }

    public ProjectOptions withResolvePaths(boolean on) {
        return new ProjectOptions(files, projectDirectory, projectName, envFiles, profiles, targetServices,
                workingDirectory, environment, homeDirectory, interpolate, on, stdin);
    }

    public ProjectOptions withStdin(Supplier<InputStream> newStdin) {
        return new ProjectOptions(files, projectDirectory, projectName, envFiles, profiles, targetServices,
                workingDirectory, environment, homeDirectory, interpolate, resolvePaths, newStdin);
    }
}
