package io.jcompose.network.nftables;

import static io.jcompose.network.nftables.Expressions.NODES;
import static io.jcompose.network.nftables.Expressions.ct;
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
 * Renders a {@link FirewallModel} as the commands of one nftables transaction that rewrites the
 * content of our table: the table, chains and set are declared (a no-op when they exist), then
 * every rule and set element is flushed and written again. The kernel applies all of it or none,
 * and there is no rule handle bookkeeping. The base chains are deliberately not deleted and
 * re-created: unregistering a netfilter hook waits for an RCU grace period, which made every
 * update cost 10–20 ms. Conntrack entries live outside the table, so established connections and
 * their NAT mappings survive every update.
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
 * maps ports4_addr/_port, ports4any_addr/_port, ports6…, ports6any…
 *                      [host address .] protocol . port : container address (or port)
 * chain published      dnat ip to K map @ports4_addr : K map @ports4_port   (K = ip daddr . meta l4proto . th dport)
 *                      meta nfproto ipv4 dnat ip to K map @ports4any_addr : K map @ports4any_port   (K = meta l4proto . th dport)
 *                      (the same for IPv6; "all" skips ::1, and host_ip ::1 is never in a map:
 *                      see LoopbackRelay)
 * chain postrouting    nat, hook postrouting, srcnat:
 *   ct status dnat ip saddr 127.0.0.0/8 oifname @bridges masquerade   (host loopback → container)
 *   per net + subnet:  ct status dnat ip saddr SUBNET oifname BR masquerade   (hairpin)
 *   per non-internal:  ip saddr SUBNET oifname != BR masquerade
 * </pre>
 * Published ports are map elements, not rules, so that attaching a container with ports only
 * adds elements ({@link #ports}), which the kernel commits in about 2 ms, while rewriting rules
 * costs an RCU grace period (10–20 ms on this machine). A map lookup that misses ends the rule
 * without a verdict, so the specific-address map is tried before the any-address map.
 *
 * <p>Accept rules order matters: {@code ct status != dnat} compiles to an exact comparison in nft, so
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
        b.chain("forward", "filter", "forward", FORWARD_PRIORITY);
        b.chain("prerouting", "nat", "prerouting", DSTNAT);
        b.chain("output", "nat", "output", DSTNAT);
        b.chain("published", null, null, 0);
        b.chain("postrouting", "nat", "postrouting", SRCNAT);
        b.command("add", bridgeSet(model, false));
        for (PortMap map : PortMap.values()) {
            map.declarations(model.table()).forEach(d -> b.command("add", d));
        }
        b.command("flush", table(model.table()));
        b.command("flush", bridgeSet(model, false));
        for (PortMap map : PortMap.values()) {
            map.references(model.table()).forEach(r -> b.command("flush", r));
        }
        if (!model.networks().isEmpty()) {
            b.command("add", bridgeSet(model, true));
        }
        b.commands.addAll(ports("add", model.table(), model.ports()));
        forward(b, model);
        for (String hook : List.of("prerouting", "output")) {
            b.rule(hook, match("==", fibDaddrType(), "local"), jump("published"));
        }
        for (PortMap map : PortMap.values()) {
            b.rule("published", map.rule());
        }
        postrouting(b, model);
        return b.commands;
    }

    /**
     * The commands that add ({@code verb} "add") or delete ("delete") the map elements of
     * {@code ports}. Adding elements is cheap for the kernel; deleting them, like deleting rules,
     * waits for an RCU grace period.
     */
    public static ArrayNode ports(String verb, String table, List<PublishedPort> ports) {
        ArrayNode out = NODES.arrayNode();
        for (PortMap map : PortMap.values()) {
            for (String part : PortMap.PARTS) {
                ArrayNode elements = NODES.arrayNode();
                for (PublishedPort p : ports) {
                    if (PortMap.of(p).filter(map::equals).isPresent()) {
                        elements.add(map.element(p, part, verb.equals("add")));
                    }
                }
                if (!elements.isEmpty()) {
                    ObjectNode e = out.addObject().putObject(verb).putObject("element");
                    e.put("family", "inet");
                    e.put("table", table);
                    e.put("name", map.mapName(part));
                    e.set("elem", elements);
                }
            }
        }
        return out;
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

    /** The set of our bridges: its declaration, or (with {@code elements}) its elements. */
    private static ObjectNode bridgeSet(FirewallModel model, boolean elements) {
        ObjectNode out = NODES.objectNode();
        ObjectNode set = out.putObject(elements ? "element" : "set");
        set.put("family", "inet");
        set.put("table", model.table());
        set.put("name", "bridges");
        if (elements) {
            ArrayNode list = set.putArray("elem");
            model.networks().forEach(n -> list.add(n.bridge()));
        } else {
            set.put("type", "ifname");
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
