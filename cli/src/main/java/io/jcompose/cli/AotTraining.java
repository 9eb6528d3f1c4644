package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.scheduler.naming.Labels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload the launcher's AOT cache is recorded from ({@code java -XX:AOTCacheOutput=... -cp jcompose.jar
 * io.jcompose.cli.AotTraining [compose file...]}). A cache is recorded from one JVM run, so the commands
 * worth starting fast run here one after the other, their output discarded. Classes they load are
 * stored already parsed and linked; later runs that load them skip that work.
 */
public final class AotTraining {

    /** The project name training runs under: nobody uses it, so training changes nothing. */
    private static final String PROJECT = "jcompose-aot-training";

    private AotTraining() {
    }

    /** @param args sample compose files for {@code config}; missing ones are skipped */
    public static void main(String[] args) {
        CliContext context = CliContext.ofProcess();
        List<List<String>> commands = new ArrayList<>(List.of(
                List.of("version"),
                List.of("version", "--format", "json"),
                List.of("--help"),
                List.of("config", "--help"),
                List.of("run", "--help"),
                List.of("down", "--help"),
                List.of("no-such-command")));
        for (String file : args) {
            if (!Files.isRegularFile(Path.of(file))) continue;
            commands.add(List.of("-f", file, "config"));
            commands.add(List.of("-f", file, "config", "--format", "json"));
            commands.add(List.of("-f", file, "config", "--services"));
            commands.add(List.of("-f", file, "config", "--hash", "*"));
            commands.add(List.of("-f", file, "config", "--variables"));
        }
        // The commands that talk to the agent are recorded too: read-only ones, under a project name nobody uses,
        // so training changes nothing (and never starts an agent). Without an agent answering, a stand-in answers.
        String runtime = context.environment().getOrDefault(AgentConnection.RUNTIME_DIR, "/run/jcompose");
        boolean agent = io.jcompose.agent.client.AgentControl.status(Path.of(runtime.isEmpty() ? "/run/jcompose" : runtime))
                .isPresent();
        TrainingAgent standIn = null;
        CliContext agentContext = context;
        if (!agent) {
            try {
                standIn = TrainingAgent.start(sampleView("jcompose-aot-training"));
                agentContext = reaching(standIn, context);
            } catch (IOException e) {
                agentContext = null;
            }
        }
        List<List<String>> agentCommands = new ArrayList<>();
        for (String file : args) {
            if (agentContext == null || !Files.isRegularFile(Path.of(file))) continue;
            for (List<String> tail : List.of(List.of("ps"), List.of("ps", "--format", "json"), List.of("up", "--dry-run"),
                    List.of("ps", "-a", "-q"))) {
                List<String> command = new ArrayList<>(List.of("-f", file, "-p", "jcompose-aot-training"));
                command.addAll(tail);
                agentCommands.add(command);
            }
        }
        int failures = 0;
        for (List<String> command : commands) {
            int code = Main.execute(context, command.toArray(String[]::new),
                    new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
            // The unknown command is there on purpose, to record the usage-error path.
            if (code != 0 && !command.getFirst().equals("no-such-command")) failures++;
        }
        for (List<String> command : agentCommands) {
            if (Main.execute(agentContext, command.toArray(String[]::new), new PrintWriter(Writer.nullWriter()),
                    new PrintWriter(Writer.nullWriter())) != 0) {
                failures++;
            }
        }
        if (standIn != null) {
            try {
                standIn.close();
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
        if (!oneOff(context)) failures++;
        if (!down(context)) failures++;
        wireWorkload();
        // A failing sample still leaves a useful cache; say so on stderr for whoever runs this by hand.
        if (failures > 0) System.err.println(failures + " training command(s) failed");
    }

    /**
     * {@code run --rm} of a service with a dependency, always against a stand-in (it creates a container): the
     * one-off's planning, create, attachment, start and removal, whose classes are otherwise loaded cold by every
     * run. Twice: with the dependency's container running and up to date (nothing to do but the one-off, the
     * usual case) and stopped (the executor starts it first, as {@code up} does its containers).
     */
    private static boolean oneOff(CliContext context) {
        boolean ok = true;
        for (String state : List.of("running", "exited")) {
            ok &= againstStandIn(context, """
                    services:
                      db:
                        image: jcompose.local/app:1
                        network_mode: none
                      app:
                        image: jcompose.local/app:1
                        network_mode: none
                        depends_on: [db]
                    """, (standIn, file, standInContext) -> {
                standIn.listing(dependency(file, standInContext, state));
                ExecAttached.terminalAttached(standInContext); // what run asks without -i=false
                return new String[] {"-f", file.toString(), "-p", PROJECT, "run", "--rm", "-i=false", "app", "true"};
            });
        }
        return ok;
    }

    /**
     * {@code down} as users (and the benchmark) run it, {@code -f FILE -p NAME down}, of a stack with a dependency, a
     * network and a published port, always against a stand-in: the look-ahead listing, the file beside it, the
     * stop sequence streamed back and the network's removal, which every {@code down} otherwise loads cold.
     */
    private static boolean down(CliContext context) {
        return againstStandIn(context, """
                services:
                  db:
                    image: jcompose.local/app:1
                    ports: ["127.0.0.1:8080:80"]
                    networks: [net]
                  app:
                    image: jcompose.local/app:1
                    depends_on: [db]
                    networks: [net]
                networks:
                  net:
                """, (standIn, file, standInContext) -> {
            standIn.listing(stackMember(PROJECT, "db", null), stackMember(PROJECT, "app", "db:service_started:false"));
            standIn.networks(new NetworkView(PROJECT + "_net", "0123", "jc-0123", Map.of(Labels.PROJECT, PROJECT), false,
                    false, List.of(new NetworkView.SubnetView("10.0.0.0/24", "10.0.0.1")), List.of()));
            return new String[] {"-f", file.toString(), "-p", PROJECT, "down"};
        });
    }

    /** What a command trained against a stand-in answers with, and its arguments. */
    private interface StandInCommand {
        String[] prepare(TrainingAgent standIn, Path file, CliContext standInContext) throws IOException;
    }

    /**
     * Runs one command against a stand-in of its own, with {@code yaml} as the compose file; the command primes the
     * stand-in's answers and names its arguments. True when it succeeded.
     */
    private static boolean againstStandIn(CliContext context, String yaml, StandInCommand command) {
        try (TrainingAgent standIn = TrainingAgent.start(sampleView(PROJECT))) {
            Path file = standIn.runtimeDir().resolve("compose.yaml");
            Files.writeString(file, yaml);
            CliContext standInContext = reaching(standIn, context);
            String[] args = command.prepare(standIn, file, standInContext);
            int code = Main.execute(standInContext, args, new PrintWriter(Writer.nullWriter()),
                    new PrintWriter(Writer.nullWriter()));
            Files.deleteIfExists(file);
            return code == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code context} with the stand-in's runtime directory: the commands run with it reach the stand-in. */
    private static CliContext reaching(TrainingAgent standIn, CliContext context) {
        Map<String, String> env = new HashMap<>(context.environment());
        env.put(AgentConnection.RUNTIME_DIR, standIn.runtimeDir().toString());
        return new CliContext(env, context.workingDirectory(), context.stdin());
    }

    /** A running container of {@code service} on the network {@code net} of {@code project}, as up labels it. */
    private static ContainerView stackMember(String project, String service, String dependsOn) {
        var labels = new HashMap<String, String>(Map.of(Labels.PROJECT, project,
                Labels.SERVICE, service, Labels.CONTAINER_NUMBER,
                "1", Labels.ONEOFF, "False"));
        if (dependsOn != null) labels.put(Labels.DEPENDS_ON, dependsOn);
        var spec = ContainerSpecBody.ofImage("jcompose.local/app:1");
        String name = project + "-" + service + "-1";
        return new ContainerView("0123456789" + service, name, labels, "running", 1, null,
                false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", null, spec, "sha256:00", null, 0,
                List.of(new ContainerView.PublishedPortView("127.0.0.1", 8080, 80, "tcp")),
                Map.of(project + "_net", new ContainerView.EndpointView(project + "_net",
                        "10.0.0.2", null, "02:42:0a:00:00:02", "10.0.0.1", List.of(service))));
    }

    /** The container of service db in {@code state}, labelled as up to date: its config hash is the file's. */
    private static ContainerView dependency(Path file, CliContext context, String state) {
        GlobalOptions global = new GlobalOptions();
        global.files = List.of(file.toString());
        global.projectName = "jcompose-aot-training";
        var loaded = io.jcompose.model.ProjectLoader.load(ProjectLoading.options(global, context));
        var services = (io.jcompose.model.tree.MapNode) loaded.canonical().get("services");
        String hash = io.jcompose.model.render.ConfigHash.of((io.jcompose.model.tree.MapNode) services.get("db"));
        var labels = Map.of(Labels.PROJECT, "jcompose-aot-training",
                Labels.SERVICE, "db", Labels.CONTAINER_NUMBER,
                "1", Labels.ONEOFF, "False",
                Labels.CONFIG_HASH, hash);
        var spec = ContainerSpecBody.ofImage("jcompose.local/app:1");
        return new ContainerView("0123456789cd", "jcompose-aot-training-db-1", labels, state,
                1, null, false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", null, spec, "sha256:00", null, 0,
                List.of(), Map.of());
    }

    /**
     * What every command that talks to the agent does besides its own work: JSON both ways for the wire
     * records (Jackson's first use is most of such a command's cold cost), and the {@code ps} rendering.
     */
    private static void wireWorkload() {
        var spec = ContainerSpecBody.ofImage("jcompose.local/app:1");
        var view = sampleView("demo");
        byte[] json = io.jcompose.agent.api.v1.WireJson.write(List.of(view, view));
        var back = List.of(io.jcompose.agent.api.v1.WireJson.read(json, ContainerView[].class));
        // The agent client's own codec, which every request of a command goes through.
        io.jcompose.agent.api.v1.RecordJson.read(json, ContainerView[].class);
        io.jcompose.agent.api.v1.RecordJson.write(new io.jcompose.agent.api.v1.CreateContainerRequest("demo-app-1",
                java.util.Map.of(), spec));
        // The agent's views say "cpus":0.0: the parser's floating-point classes.
        io.jcompose.agent.api.v1.RecordJson.read("{\"image\":\"a\",\"cpus\":0.0}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), ContainerSpecBody.class);
        io.jcompose.agent.api.v1.RecordJson.read("{\"kind\":\"NOT_FOUND\",\"message\":\"m\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), io.jcompose.agent.api.v1.ErrorBody.class);
        io.jcompose.agent.api.v1.WireJson.write(new io.jcompose.agent.api.v1.CreateContainerRequest("demo-app-1",
                java.util.Map.of(), spec));
        for (Class<?> type : List.of(NetworkView[].class,
                io.jcompose.agent.api.v1.VolumeView[].class, io.jcompose.agent.api.v1.ImageView[].class,
                io.jcompose.agent.api.v1.EventView[].class, io.jcompose.agent.api.v1.LogLine[].class)) {
            io.jcompose.agent.api.v1.WireJson.read("[]", type);
        }
        io.jcompose.agent.api.v1.WireJson.read("{\"kind\":\"NOT_FOUND\",\"message\":\"m\",\"fix\":null}",
                io.jcompose.agent.api.v1.ErrorBody.class);
        for (var c : back) {
            PsView.json(c, java.time.Instant.now());
        }
    }

    /** A running container of service {@code app} in {@code project}, with every part of a view filled in. */
    static ContainerView sampleView(String project) {
        var spec = ContainerSpecBody.ofImage("jcompose.local/app:1");
        return new ContainerView("0123456789ab", project + "-app-1",
                java.util.Map.of("com.docker.compose.project", project, "com.docker.compose.service", "app"), "running",
                1, null, false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", null, spec, "sha256:00",
                new ContainerView.HealthView("healthy", 0, List.of(
                        new ContainerView.ProbeView("a", "b", 0, "ok"))),
                0, List.of(new ContainerView.PublishedPortView("0.0.0.0", 8080, 80, "tcp")),
                java.util.Map.of("demo_default", new ContainerView.EndpointView(
                        "demo_default", "10.0.0.2", null, null, "10.0.0.1", List.of("app"))));
    }
}
