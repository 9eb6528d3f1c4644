package io.jcompose.cli;

import io.jcompose.agent.daemon.AgentConfig;
import io.jcompose.agent.daemon.AgentMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options of {@code jcompose agent} and the agent configuration they make, for the picocli command
 * ({@link AgentCommand}) and for {@link #plainLine}: the line the CLI itself starts the agent with
 * ({@code agent --runtime-dir DIR --data-root DIR …}, each option once as {@code --name value}) is read here without
 * picocli, because the agent lives for hours and every class it loads stays in its memory: the command-line
 * machinery (picocli and the command classes, ~250 classes) costs it ~2.5 MB. Anything else (help, {@code --name=value},
 * repeated or unknown options, a value that would be an error) goes through picocli as before, so messages and exit
 * codes stay picocli's.
 */
record AgentStart(Path dataRoot, Path runtimeDir, String cgroupParent, List<String> runtimes,
                  List<String> insecureRegistries, String logMaxSize, Integer logMaxFile,
                  AgentCommand.NetworkOptions network) {
    private static final Set<String> OPTIONS = Set.of("--data-root", "--runtime-dir", "--cgroup-parent", "--runtime",
            "--network-prefix", "--address-pools", "--resolv-conf", "--insecure-registry", "--log-max-size",
            "--log-max-file");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[^-\"'\\s][^\"'\\s]*");
    private static final Pattern RUNTIMES = Pattern.compile("[^,]+(,[^,]+)*");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

    /** The configuration the options make, from the agent's defaults; a {@link CommandFailure} names a bad value. */
    AgentConfig config() {
        AgentConfig config = AgentConfig.defaults();
        config = config.withDirectories(dataRoot != null ? dataRoot : config.dataRoot(),
                runtimeDir != null ? runtimeDir : config.runtimeDir());
        if (cgroupParent != null) config = config.withCgroupParent(cgroupParent);
        if (runtimes != null && !runtimes.isEmpty()) config = config.withRuntimePreference(runtimes);
        if (insecureRegistries != null) config = config.withInsecureRegistries(insecureRegistries);
        try {
            if (logMaxSize != null) config = config.withLogPolicy(config.logPolicy().withMaxSize(logMaxSize));
            if (logMaxFile != null) config = config.withLogPolicy(config.logPolicy().withMaxFiles(logMaxFile));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--log-max-size/--log-max-file: " + e.getMessage());
        }
        return config.withNetwork(network.applyTo(config.network()));
    }

    /**
     * The agent's configuration when {@code args} is {@code agent} followed only by known options, each once (but
     * {@code --insecure-registry}) as {@code --name value} with a plain value that makes a valid configuration, and
     * this process runs as root; null otherwise (picocli then reads the line, and reports what is wrong with it).
     */
    static AgentConfig plainLine(String[] args) {
        AgentStart start = parse(args);
        if (start == null || !isRoot()) return null;
        try {
            return start.config();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The options of a plain agent line (see {@link #plainLine}), unchecked; null for any other line. */
    static AgentStart parse(String[] args) {
        if (args.length == 0 || !args[0].equals("agent") || args.length % 2 == 0) return null;
        Set<String> seen = new HashSet<>();
        List<String> registries = new ArrayList<>();
        Map<String, String> given = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String name = args[i];
            String value = args[i + 1];
            if (!OPTIONS.contains(name) || !PLAIN_VALUE.matcher(value).matches()) return null;
            if (name.equals("--insecure-registry")) {
                registries.add(value);
            } else if (!seen.add(name)) {
                return null;
            } else {
                given.put(name, value);
            }
        }
        String logMaxFile = given.get("--log-max-file");
        if (logMaxFile != null && !COUNT.matcher(logMaxFile).matches()) return null;
        if (given.containsKey("--runtime") && !RUNTIMES.matcher(given.get("--runtime")).matches()) return null;
        return new AgentStart(path(given.get("--data-root")), path(given.get("--runtime-dir")),
                given.get("--cgroup-parent"),
                given.containsKey("--runtime") ? List.of(given.get("--runtime").split(",")) : null,
                registries.isEmpty() ? null : List.copyOf(registries), given.get("--log-max-size"),
                logMaxFile == null ? null : Integer.valueOf(logMaxFile),
                new AgentCommand.NetworkOptions(given.get("--network-prefix"), given.get("--address-pools"),
                        path(given.get("--resolv-conf"))));
    }

    /** Runs the agent until it is asked to stop; its exit code. */
    static int run(AgentConfig config) {
        return AgentMain.run(config);
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
