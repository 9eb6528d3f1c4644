package io.jcompose.network.nftables;

import static io.jcompose.network.nftables.Expressions.NODES;
import static io.jcompose.network.nftables.Expressions.ct;
import static io.jcompose.network.nftables.Expressions.dnat;
import static io.jcompose.network.nftables.Expressions.fibDaddrType;
import static io.jcompose.network.nftables.Expressions.flags;
import static io.jcompose.network.nftables.Expressions.jump;
import static io.jcompose.network.nftables.Expressions.masquerade;
import static io.jcompose.network.nftables.Expressions.match;
import static io.jcompose.network.nftables.Expressions.meta;
import static io.jcompose.network.nftables.Expressions.payload;
import static io.jcompose.network.nftables.Expressions.prefix;
import static io.jcompose.network.nftables.Expressions.setMark;
import static io.jcompose.network.nftables.Expressions.verdict;

import io.jcompose.network.PublishedPort;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.Subnet;
import io.jcompose.network.nftables.FirewallModel.BridgeNetwork;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link FirewallModel} as the commands of one nftables transaction that replaces our
 * table wholesale ({@code add table; delete table; add table; …}): the kernel applies all of it or
 * none, and there is no rule handle bookkeeping. Conntrack entries live outside the table, so
 * established connections and their NAT mappings survive the replacement.
 *
 * <p>The table ({@code inet}, so one rule serves IPv4 and IPv6 where it can):
 * <pre>
 * set bridges          our bridge names
 * chain forward        filter, hook forward, priority -10 (before the usual filter chains)
 *   per internal net:  iifname BR oifname != BR drop ; oifname BR iifname != BR drop
 *   oifname @bridges ct state established,related  mark|M accept   (replies)
 *   oifname @bridges ct status dnat                mark|M accept   (published ports, from anywhere)
 *   per net:           iifname BR oifname @bridges oifname != BR drop   (isolation)
 *   iifname @bridges                               mark|M accept   (containers going out)
 *   oifname @bridges drop                          (no direct routing into container subnets)
 * chain prerouting     nat, hook prerouting, dstnat: fib daddr type local jump published
 * chain output         nat, hook output, dstnat:     fib daddr type local jump published
 * chain published      per port: [ip daddr H] PROTO dport P dnat to C:p
 *                      (IPv6 "all" skips ::1 and host_ip ::1 has no rule: see LoopbackRelay)
 * chain postrouting    nat, hook postrouting, srcnat:
 *   ct status dnat ip saddr 127.0.0.0/8 oifname @bridges masquerade   (host loopback → container)
 *   per net + subnet:  ct status dnat ip saddr SUBNET oifname BR masquerade   (hairpin)
 *   per non-internal:  ip saddr SUBNET oifname != BR masquerade
 * </pre>
 * Accept rules order matters: {@code ct status != dnat} compiles to an exact comparison in nft, so
 * the DNAT exception to isolation is an accept placed before the isolation drops, not a negation.
 */
public final class RulesetRenderer {

    public static final int FORWARD_PRIORITY = -10;
    private static final int DSTNAT = -100;
    private static final int SRCNAT = 100;
    private static final String BRIDGES = "@bridges";

    private RulesetRenderer() {
    }

    /** The commands that replace our table with the rendering of {@code model}. */
    public static ArrayNode render(FirewallModel model) {
        Builder b = new Builder(model.table());
        b.command("add", table(model.table()));
        b.command("delete", table(model.table()));
        b.command("add", table(model.table()));
        b.command("add", bridgeSet(model));
        b.chain("forward", "filter", "forward", FORWARD_PRIORITY);
        b.chain("prerouting", "nat", "prerouting", DSTNAT);
        b.chain("output", "nat", "output", DSTNAT);
        b.chain("published", null, null, 0);
        b.chain("postrouting", "nat", "postrouting", SRCNAT);
        forward(b, model);
        for (String hook : List.of("prerouting", "output")) {
            b.rule(hook, match("==", fibDaddrType(), "local"), jump("published"));
        }
        model.ports().forEach(p -> published(b, p));
        postrouting(b, model);
        return b.commands;
    }

    /** The commands that delete our table (it must exist). */
    public static ArrayNode delete(String table) {
        Builder b = new Builder(table);
        b.command("add", table(table));
        b.command("delete", table(table));
        return b.commands;
    }

    private static void forward(Builder b, FirewallModel model) {
        long mark = model.forwardMark();
        for (BridgeNetwork n : model.networks()) {
            if (n.internal()) {
                b.rule("forward", match("==", meta("iifname"), n.bridge()), match("!=", meta("oifname"), n.bridge()), verdict("drop"));
                b.rule("forward", match("==", meta("oifname"), n.bridge()), match("!=", meta("iifname"), n.bridge()), verdict("drop"));
            }
        }
        b.rule("forward", match("==", meta("oifname"), BRIDGES), flags(ct("state"), "established", "related"),
                setMark(mark), verdict("accept"));
        b.rule("forward", match("==", meta("oifname"), BRIDGES), flags(ct("status"), "dnat"), setMark(mark), verdict("accept"));
        for (BridgeNetwork n : model.networks()) {
            b.rule("forward", match("==", meta("iifname"), n.bridge()), match("==", meta("oifname"), BRIDGES),
                    match("!=", meta("oifname"), n.bridge()), verdict("drop"));
        }
        b.rule("forward", match("==", meta("iifname"), BRIDGES), setMark(mark), verdict("accept"));
        b.rule("forward", match("==", meta("oifname"), BRIDGES), verdict("drop"));
    }

    private static void published(Builder b, PublishedPort p) {
        IpFamily family = p.hostIp().family();
        if (family == IpFamily.V6 && p.hostIp().isLoopback()) {
            return; // relayed in userland, see LoopbackRelay
        }
        List<JsonNode> exprs = new ArrayList<>();
        if (p.hostIp().isUnspecified()) {
            exprs.add(match("==", meta("nfproto"), family.nftProto()));
            if (family == IpFamily.V6) {
                exprs.add(match("!=", payload("ip6", "daddr"), "::1"));
            }
        } else {
            exprs.add(match("==", payload(family.nftPayload(), "daddr"), p.hostIp().toString()));
        }
        exprs.add(match("==", payload(p.protocol().lower(), "dport"), p.hostPort()));
        exprs.add(dnat(family.nftPayload(), p.containerIp().toString(), p.containerPort()));
        b.rule("published", exprs.toArray(JsonNode[]::new));
    }

    private static void postrouting(Builder b, FirewallModel model) {
        if (model.networks().isEmpty()) {
            return;
        }
        b.rule("postrouting", flags(ct("status"), "dnat"), match("==", payload("ip", "saddr"), prefix("127.0.0.0", 8)),
                match("==", meta("oifname"), BRIDGES), masquerade());
        for (BridgeNetwork n : model.networks()) {
            for (Subnet s : n.subnets()) {
                b.rule("postrouting", flags(ct("status"), "dnat"),
                        match("==", payload(s.family().nftPayload(), "saddr"), subnetValue(s)),
                        match("==", meta("oifname"), n.bridge()), masquerade());
            }
        }
        for (BridgeNetwork n : model.networks()) {
            if (n.internal() || !n.masquerade()) {
                continue;
            }
            for (Subnet s : n.subnets()) {
                b.rule("postrouting", match("==", payload(s.family().nftPayload(), "saddr"), subnetValue(s)),
                        match("!=", meta("oifname"), n.bridge()), masquerade());
            }
        }
    }

    private static JsonNode subnetValue(Subnet s) {
        return s.prefixLength() == s.family().bits() ? NODES.stringNode(s.network().toString())
                : prefix(s.network().toString(), s.prefixLength());
    }

    private static ObjectNode table(String name) {
        ObjectNode out = NODES.objectNode();
        ObjectNode t = out.putObject("table");
        t.put("family", "inet");
        t.put("name", name);
        return out;
    }

    private static ObjectNode bridgeSet(FirewallModel model) {
        ObjectNode out = NODES.objectNode();
        ObjectNode set = out.putObject("set");
        set.put("family", "inet");
        set.put("table", model.table());
        set.put("name", "bridges");
        set.put("type", "ifname");
        if (!model.networks().isEmpty()) {
            ArrayNode elements = set.putArray("elem");
            model.networks().forEach(n -> elements.add(n.bridge()));
        }
        return out;
    }

    /** Accumulates commands for one table. */
    private static final class Builder {
        private final String table;
        private final ArrayNode commands = NODES.arrayNode();

        Builder(String table) {
            this.table = table;
        }

        void command(String verb, ObjectNode object) {
            commands.addObject().set(verb, object);
        }

        void chain(String name, String type, String hook, int priority) {
            ObjectNode out = NODES.objectNode();
            ObjectNode c = out.putObject("chain");
            c.put("family", "inet");
            c.put("table", table);
            c.put("name", name);
            if (type != null) {
                c.put("type", type);
                c.put("hook", hook);
                c.put("prio", priority);
                c.put("policy", "accept");
            }
            command("add", out);
        }

        void rule(String chain, JsonNode... exprs) {
            ObjectNode out = NODES.objectNode();
            ObjectNode r = out.putObject("rule");
            r.put("family", "inet");
            r.put("table", table);
            r.put("chain", chain);
            ArrayNode list = r.putArray("expr");
            for (JsonNode e : exprs) {
                list.add(e);
            }
            command("add", out);
        }
    }
}
