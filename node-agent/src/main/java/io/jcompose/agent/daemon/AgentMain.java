package io.jcompose.agent.daemon;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.network.NetworkSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The agent in the foreground ({@code jcompose agent}): serves until SIGTERM or SIGINT, then stops
 * serving and leaves every container running.
 */
public final class AgentMain {
    /**
     * JVM options for launching the agent: the launcher's (the jvm-options resource next to this class, which says why
     * each), plus native access, which a launch from the jar gets from its manifest.
     */
    public static final List<String> JVM_OPTIONS = jvmOptions();

    private static List<String> jvmOptions() {
        try (InputStream in = AgentMain.class.getResourceAsStream("jvm-options")) {
            List<String> options = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) options.add(line.strip());
            }
            options.add("--enable-native-access=ALL-UNNAMED");
            return List.copyOf(options);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the agent's jvm-options resource is missing from the class path", e);
        }
    }

    private AgentMain() {
    }

    /**
     * Runs an agent until the process is asked to stop.
     *
     * @return the process exit code: 0 after a clean stop, 1 when the agent could not start
     */
    public static int run(AgentConfig config) {
        Daemon daemon;
        try {
            daemon = Daemon.start(config);
        } catch (AgentException e) {
            System.err.println("jcompose agent: " + e.getMessage());
            return 1;
        }
        System.err.println("jcompose agent: ready on " + config.socket() + " (" + daemon.agent().runtime().reason() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        // The hook does the whole shutdown: the JVM may end as soon as hooks return.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "agent-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            daemon.close();
        }
        return 0;
    }

    /**
     * {@code AgentMain [--data-root DIR] [--runtime-dir DIR] [--cgroup-parent /PATH] [--runtime runc,crun]
     * [--network-prefix jc] [--address-pools 172.17.0.0/16:16,…] [--resolv-conf FILE] [--insecure-registry HOST:PORT]…
     * [--log-max-size 20m] [--log-max-file 5]}.
     */
    public static void main(String[] args) {
        AgentConfig config = AgentConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data-root" -> config = config.withDirectories(Path.of(require(args[i], value)), config.runtimeDir());
                case "--runtime-dir" -> config = config.withDirectories(config.dataRoot(), Path.of(require(args[i], value)));
                case "--cgroup-parent" -> config = config.withCgroupParent(require(args[i], value));
                case "--runtime" -> config = config.withRuntimePreference(List.of(require(args[i], value).split(",")));
                case "--network-prefix" -> config = config.withNetwork(config.network().withPrefix(require(args[i], value)));
                case "--address-pools" -> config = config.withNetwork(
                        config.network().withPools(NetworkSettings.parsePools(require(args[i], value))));
                case "--resolv-conf" -> config = config.withNetwork(
                        config.network().withResolvConf(Path.of(require(args[i], value))));
                case "--log-max-size" -> config = config.withLogPolicy(config.logPolicy().withMaxSize(require(args[i], value)));
                case "--log-max-file" -> config = config.withLogPolicy(
                        config.logPolicy().withMaxFiles(Integer.parseInt(require(args[i], value))));
                case "--insecure-registry" -> {
                    List<String> registries = new java.util.ArrayList<>(config.insecureRegistries());
                    registries.add(require(args[i], value));
                    config = config.withInsecureRegistries(registries);
                }
                default -> {
                    System.err.println("jcompose agent: unknown option " + args[i]);
                    System.exit(2);
                }
            }
            i++;
        }
        System.exit(run(config));
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println("jcompose agent: " + option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
