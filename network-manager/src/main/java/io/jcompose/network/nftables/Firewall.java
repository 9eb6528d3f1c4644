package io.jcompose.network.nftables;

import io.jcompose.network.state.ManagerState;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Keeps the kernel's ruleset equal to the rendering of the manager's state, one atomic transaction
 * per change: a full rendering when networks change, map elements only when ports come and go.
 * Foreign drop-policy chains are looked at when networks change (not on every attach), since only
 * then can the set of our bridges appear or vanish.
 *
 * <p>Calls are serialised here (the network manager's lock serialises its own; {@link #withdrawLater}'s
 * deletion runs without it). A withdrawal left for later is made before any other change of the table, or
 * dropped by a full rendering, which is made from a state without those ports.
 */
public final class Firewall {
    private static final System.Logger LOG = System.getLogger(Firewall.class.getName());

    private final Nft nft;
    private final String table;
    private final long mark;
    /**
     * Whether rules of ours may be in foreign chains: true until a scan and the transaction after it say there are
     * none. Only a scan inserts them, and only into the drop-policy chains it found, so "none" holds until the next
     * scan. The network manager serialises the calls.
     */
    private volatile boolean bypassMayExist = true;
    /** Ports whose map elements {@link #withdrawLater} has yet to delete; guarded by this. */
    private final List<io.jcompose.network.PublishedPort> withdrawing = new ArrayList<>();

    public Firewall(Nft nft, String table, long mark) {
        this.nft = nft;
        this.table = table;
        this.mark = mark;
    }

    public String table() {
        return table;
    }

    /** Replaces our table with the rendering of {@code state}. */
    public synchronized void apply(ManagerState state) {
        withdrawing.clear();
        nft.apply("update nftables table inet " + table, RulesetRenderer.render(FirewallModel.of(table, mark, state)));
    }

    /** Like {@link #apply}, and also brings the bypass rules in foreign forward chains up to date, in the same transaction. */
    public synchronized void applyWithBypass(ManagerState state) {
        withdrawing.clear();
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
    public synchronized void publish(List<io.jcompose.network.PublishedPort> ports, ManagerState state) {
        flush();
        incremental("add", ports, state);
    }

    /** Deletes the DNAT map elements of withdrawn ports, falling back to a full rendering of {@code state}. */
    public synchronized void withdraw(List<io.jcompose.network.PublishedPort> ports, ManagerState state) {
        flush();
        incremental("delete", ports, state);
    }

    /**
     * Deletes the DNAT map elements of withdrawn ports on a virtual thread: for a container's exit, whose ports the
     * state (saved first) no longer holds and whose reservations are released, so that nothing waits for the
     * {@code nft} run (~15 ms, in the last link of every {@code down}). Until it is made, a connection to the port
     * still goes to the exited container's address, and is refused. A failure is logged: the next full rendering
     * drops the elements, and a publish of the same port that meets one renders the table in full.
     */
    public synchronized void withdrawLater(List<io.jcompose.network.PublishedPort> ports) {
        if (ports.isEmpty()) {
            return;
        }
        withdrawing.addAll(ports);
        Thread.ofVirtual().name("withdraw-ports").start(this::flush);
    }

    /** Makes the withdrawals {@link #withdrawLater} left, if any. */
    public synchronized void flush() {
        if (withdrawing.isEmpty()) {
            return;
        }
        ArrayNode commands = RulesetRenderer.ports("delete", table, withdrawing);
        withdrawing.clear();
        if (commands.isEmpty()) {
            return;
        }
        try {
            nft.apply("withdraw ports from nftables table inet " + table, commands);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ports left in the table until its next rendering: " + e.getMessage());
        }
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
    public synchronized void remove() {
        withdrawing.clear();
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
