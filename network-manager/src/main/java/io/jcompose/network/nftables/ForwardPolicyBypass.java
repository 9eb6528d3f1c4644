package io.jcompose.network.nftables;

import static io.jcompose.network.nftables.Expressions.NODES;
import static io.jcompose.network.nftables.Expressions.markSet;
import static io.jcompose.network.nftables.Expressions.verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lets our forwarded traffic through when another engine's forward chain drops by default (Docker
 * sets the policy of iptables' {@code FORWARD} to DROP).
 *
 * <p>An {@code accept} in one base chain is not final in nftables: the packet still traverses every
 * other base chain on the same hook, and any of them may drop it. So an accept in a chain of our
 * own that runs first is not enough. The only thing that beats a drop policy is an accept in that
 * very chain. This is what Podman's netavark does with its iptables driver (it inserts jumps into
 * the shared FORWARD chain) and what Docker asks users to do in DOCKER-USER. We insert one rule at
 * the top of each such foreign chain: {@code meta mark & M == M accept}, tagged with a comment
 * naming our table. Our forward chain (priority -10, before the filter chains at 0) sets bit M on
 * exactly the packets it accepts, so the foreign rule needs no knowledge of our bridges and never
 * changes when networks come and go. The rules are removed when our table goes.
 *
 * <p>Limits: chains invisible to nft (iptables-legacy) are not handled; a foreign chain created
 * after our last scan is covered at the next network change or leftover sweep.
 */
public final class ForwardPolicyBypass {

    /** A base chain of another table on the forward hook whose policy is drop. */
    public record ForeignChain(String family, String table, String chain) {
    }

    /** One of our bypass rules found in a foreign chain. */
    public record BypassRule(ForeignChain chain, long handle) {
    }

    /** What a listing of the ruleset shows. */
    public record Scan(List<ForeignChain> dropChains, List<BypassRule> ours) {
        public Scan {
            dropChains = List.copyOf(dropChains);
            ours = List.copyOf(ours);
        }
    }

    private ForwardPolicyBypass() {
    }

    /** The comment that tags our rules in foreign chains. */
    public static String comment(String ourTable) {
        return "jcompose-forward-" + ourTable;
    }

    /** Reads {@code nft -j list ruleset} output (the array under "nftables"). */
    public static Scan scan(JsonNode ruleset, String ourTable) {
        List<ForeignChain> drop = new ArrayList<>();
        List<BypassRule> ours = new ArrayList<>();
        String comment = comment(ourTable);
        for (JsonNode item : ruleset.values()) {
            JsonNode chain = item.path("chain");
            if (chain.isObject() && "forward".equals(chain.path("hook").asString(""))
                    && "drop".equals(chain.path("policy").asString(""))
                    && !("inet".equals(chain.path("family").asString("")) && ourTable.equals(chain.path("table").asString("")))) {
                drop.add(new ForeignChain(chain.path("family").asString(), chain.path("table").asString(),
                        chain.path("name").asString()));
            }
            JsonNode rule = item.path("rule");
            if (rule.isObject() && comment.equals(rule.path("comment").asString(""))) {
                ours.add(new BypassRule(new ForeignChain(rule.path("family").asString(), rule.path("table").asString(),
                        rule.path("chain").asString()), rule.path("handle").asLong()));
            }
        }
        return new Scan(drop, ours);
    }

    /**
     * The commands that make the foreign chains match {@code wanted}: with {@code wanted}, every
     * drop-policy chain gets exactly one bypass rule; without, all of ours are deleted.
     */
    public static ArrayNode commands(Scan scan, String ourTable, long mark, boolean wanted) {
        ArrayNode out = NODES.arrayNode();
        Set<ForeignChain> covered = new HashSet<>();
        for (BypassRule rule : scan.ours()) {
            if (wanted && scan.dropChains().contains(rule.chain()) && covered.add(rule.chain())) {
                continue;
            }
            ObjectNode r = out.addObject().putObject("delete").putObject("rule");
            r.put("family", rule.chain().family());
            r.put("table", rule.chain().table());
            r.put("chain", rule.chain().chain());
            r.put("handle", rule.handle());
        }
        if (wanted) {
            for (ForeignChain chain : scan.dropChains()) {
                if (covered.contains(chain)) {
                    continue;
                }
                ObjectNode r = out.addObject().putObject("insert").putObject("rule");
                r.put("family", chain.family());
                r.put("table", chain.table());
                r.put("chain", chain.chain());
                ArrayNode expr = r.putArray("expr");
                expr.add(markSet(mark));
                expr.add(verdict("accept"));
                r.put("comment", comment(ourTable));
            }
        }
        return out;
    }
}
