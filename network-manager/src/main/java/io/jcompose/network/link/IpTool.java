package io.jcompose.network.link;

import io.jcompose.network.NetworkException;
import io.jcompose.network.host.Command;
import io.jcompose.network.host.CommandRunner;
import io.jcompose.json.TreeJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The iproute2 {@code ip} program: JSON queries ({@code ip -j}) and batches of changes
 * ({@code ip -batch -}, one process for many changes, stopping at the first failing line).
 */
public final class IpTool {

    private final CommandRunner runner;

    public IpTool(CommandRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code ip -j ARGS} and parses its output (an array; empty output reads as an empty array). */
    public JsonNode query(String action, String... args) {
        List<String> argv = new ArrayList<>(args.length + 2);
        argv.add("ip");
        argv.add("-j");
        argv.addAll(List.of(args));
        String out = runner.run(new Command(action, argv, null));
        if (out.isBlank()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        try {
            return TreeJson.read(out);
        } catch (JacksonException e) {
            throw NetworkException.failed(action, "ip printed JSON that could not be read: " + e.getOriginalMessage());
        }
    }

    /** Applies {@code batch} in the host namespace. */
    public void apply(String action, IpBatch batch) {
        if (!batch.isEmpty()) {
            runner.run(Command.of(action, "ip", "-batch", "-").withStdin(batch.text()));
        }
    }

    /** Applies {@code batch} inside the network namespace bind-mounted at {@code netns}. */
    public void apply(String action, Path netns, IpBatch batch) {
        if (!batch.isEmpty()) {
            runner.run(Command.of(action, "ip", "-batch", "-").withStdin(batch.text()).inNamespace(netns));
        }
    }

    /**
     * Applies {@code batch} with {@code -force}: every line is tried even after a failure. For
     * teardown, where "already gone" must not stop the rest.
     */
    public void applyAll(String action, IpBatch batch) {
        if (!batch.isEmpty()) {
            runner.run(Command.of(action, "ip", "-force", "-batch", "-").withStdin(batch.text()));
        }
    }
}
