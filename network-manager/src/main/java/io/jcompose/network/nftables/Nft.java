package io.jcompose.network.nftables;

import io.jcompose.network.NetworkException;
import io.jcompose.network.host.Command;
import io.jcompose.network.host.CommandRunner;
import io.jcompose.json.TreeJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code nft} program in JSON mode: {@code nft -j -f -} applies a transaction, {@code nft -j list} reads. */
public final class Nft {

    private final CommandRunner runner;

    public Nft(CommandRunner runner) {
        this.runner = runner;
    }

    /** Applies {@code commands} as one transaction: all of them or none. */
    public void apply(String action, ArrayNode commands) {
        if (commands.isEmpty()) {
            return;
        }
        runner.run(Command.of(action, "nft", "-j", "-f", "-").withStdin(document(commands)));
    }

    public JsonNode listRuleset() {
        return list("list the nftables ruleset", "ruleset");
    }

    public JsonNode listTables() {
        return list("list nftables tables", "tables");
    }

    /** The {@code {"nftables": [...]}} document for {@code commands}. */
    public static String document(ArrayNode commands) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("nftables", commands);
        return TreeJson.text(root);
    }

    private JsonNode list(String action, String what) {
        String out = runner.run(Command.of(action, "nft", "-j", "list", what));
        try {
            return TreeJson.read(out.isBlank() ? "{\"nftables\":[]}" : out).path("nftables");
        } catch (JacksonException e) {
            throw NetworkException.failed(action, "nft printed JSON that could not be read: " + e.getOriginalMessage());
        }
    }
}
