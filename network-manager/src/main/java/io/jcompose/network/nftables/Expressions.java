package io.jcompose.network.nftables;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builders for the pieces of nftables' JSON schema ({@code libnftables-json(5)}) that the ruleset
 * uses. Each method returns one JSON value; rules are lists of the statements built here.
 */
final class Expressions {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Expressions() {
    }

    static ObjectNode meta(String key) {
        ObjectNode out = NODES.objectNode();
        out.putObject("meta").put("key", key);
        return out;
    }

    static ObjectNode payload(String protocol, String field) {
        ObjectNode out = NODES.objectNode();
        ObjectNode p = out.putObject("payload");
        p.put("protocol", protocol);
        p.put("field", field);
        return out;
    }

    static ObjectNode ct(String key) {
        ObjectNode out = NODES.objectNode();
        out.putObject("ct").put("key", key);
        return out;
    }

    static ObjectNode fibDaddrType() {
        ObjectNode out = NODES.objectNode();
        ObjectNode fib = out.putObject("fib");
        fib.put("result", "type");
        fib.putArray("flags").add("daddr");
        return out;
    }

    static ObjectNode prefix(String address, int length) {
        ObjectNode out = NODES.objectNode();
        ObjectNode p = out.putObject("prefix");
        p.put("addr", address);
        p.put("len", length);
        return out;
    }

    static ObjectNode match(String op, JsonNode left, JsonNode right) {
        ObjectNode out = NODES.objectNode();
        ObjectNode m = out.putObject("match");
        m.put("op", op);
        m.set("left", left);
        m.set("right", right);
        return out;
    }

    static ObjectNode match(String op, JsonNode left, String right) {
        return match(op, left, NODES.stringNode(right));
    }

    static ObjectNode match(String op, JsonNode left, long right) {
        return match(op, left, NODES.numberNode(right));
    }

    /** A flag test such as {@code ct status dnat}: nft's implicit "any of these bits set". */
    static ObjectNode flags(JsonNode left, String... names) {
        JsonNode right = names.length == 1 ? NODES.stringNode(names[0]) : strings(List.of(names));
        return match("in", left, right);
    }

    /** {@code meta mark & bit == bit}. */
    static ObjectNode markSet(long bit) {
        ObjectNode and = NODES.objectNode();
        ArrayNode operands = and.putArray("&");
        operands.add(meta("mark"));
        operands.add(bit);
        return match("==", and, bit);
    }

    /** {@code meta mark set meta mark | bit}. */
    static ObjectNode setMark(long bit) {
        ObjectNode out = NODES.objectNode();
        ObjectNode mangle = out.putObject("mangle");
        mangle.set("key", meta("mark"));
        ObjectNode or = NODES.objectNode();
        ArrayNode operands = or.putArray("|");
        operands.add(meta("mark"));
        operands.add(bit);
        mangle.set("value", or);
        return out;
    }

    static ObjectNode verdict(String verdict) {
        ObjectNode out = NODES.objectNode();
        out.putNull(verdict);
        return out;
    }

    static ObjectNode jump(String chain) {
        ObjectNode out = NODES.objectNode();
        out.putObject("jump").put("target", chain);
        return out;
    }

    static ObjectNode masquerade() {
        return verdict("masquerade");
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode out = NODES.arrayNode();
        values.forEach(out::add);
        return out;
    }
}
