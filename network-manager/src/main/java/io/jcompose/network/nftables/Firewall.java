package io.jcompose.network.nftables;

import io.jcompose.network.state.ManagerState;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Keeps the kernel's ruleset equal to the rendering of the manager's state, one atomic transaction
 * per change: a full rendering when networks change, map elements only when ports come and go.
 * Foreign drop-policy chains are looked at when networks change (not on every attach), since only
 * then can the set of our bridges appear or vanish.
 */
public final class Firewall {

    private final Nft nft;
    private final String table;
    private final long mark;
    /**
     * Whether rules of ours may be in foreign chains: true until a scan and the transaction after it say there are
     * none. Only a scan inserts them, and only into the drop-policy chains it found, so "none" holds until the next
     * scan. The network manager serialises the calls.
     */
    private volatile boolean bypassMayExist = true;

    public Firewall(Nft nft, String table, long mark) {
        this.nft = nft;
        this.table = table;
        this.mark = mark;
    }

    public String table() {
        return table;
    }

    /** Replaces our table with the rendering of {@code state}. */
    public void apply(ManagerState state) {
        nft.apply("update nftables table inet " + table, RulesetRenderer.render(FirewallModel.of(table, mark, state)));
    }

    /** Like {@link #apply}, and also brings the bypass rules in foreign forward chains up to date, in the same transaction. */
    public void applyWithBypass(ManagerState state) {
        ArrayNode commands = RulesetRenderer.render(FirewallModel.of(table, mark, state));
        boolean wanted = !state.networks().isEmpty();
        if (!wanted && !bypassMayExist) {
            // Without networks no bypass rule is wanted, and the last scan left none: listing the whole ruleset
            // (a program start, the tail of every down) would find nothing to delete.
            nft.apply("update nftables table inet " + table, commands);
            return;
        }
        ForwardPolicyBypass.Scan scan = ForwardPolicyBypass.scan(nft.listRuleset(), table);
        commands.addAll(ForwardPolicyBypass.commands(scan, table, mark, wanted));
        bypassMayExist = true;
        nft.apply("update nftables table inet " + table, commands);
        bypassMayExist = wanted && !scan.dropChains().isEmpty();
    }

    /**
     * Adds the DNAT map elements of newly published ports (a cheap, add-only transaction). When that
     * fails, for example because the table vanished, the whole table is rendered from {@code state}.
     */
    public void publish(List<io.jcompose.network.PublishedPort> ports, ManagerState state) {
        incremental("add", ports, state);
    }

    /** Deletes the DNAT map elements of withdrawn ports, falling back to a full rendering of {@code state}. */
    public void withdraw(List<io.jcompose.network.PublishedPort> ports, ManagerState state) {
        incremental("delete", ports, state);
    }

    private void incremental(String verb, List<io.jcompose.network.PublishedPort> ports, ManagerState state) {
        ArrayNode commands = RulesetRenderer.ports(verb, table, ports);
        if (commands.isEmpty()) {
            return;
        }
        try {
            nft.apply((verb.equals("add") ? "publish ports in" : "withdraw ports from") + " nftables table inet " + table,
                    commands);
        } catch (RuntimeException e) {
            apply(state);
        }
    }

    /** Deletes our table and our bypass rules, if present. */
    public void remove() {
        JsonNode ruleset = nft.listRuleset();
        ArrayNode commands = ForwardPolicyBypass.commands(ForwardPolicyBypass.scan(ruleset, table), table, mark, false);
        if (tables(ruleset).contains(table)) {
            commands.addAll(RulesetRenderer.delete(table));
        }
        bypassMayExist = true;
        nft.apply("remove nftables table inet " + table, commands);
        bypassMayExist = false;
    }

    /** The names of the {@code inet} tables in a ruleset listing. */
    public static List<String> tables(JsonNode ruleset) {
        return ruleset.values().stream()
                .map(item -> item.path("table"))
                .filter(t -> t.isObject() && "inet".equals(t.path("family").asString("")))
                .map(t -> t.path("name").asString())
                .toList();
    }
}
