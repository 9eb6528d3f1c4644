package io.jcompose.network;

import io.jcompose.network.state.ManagerState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The kernel's side of the network removals {@link NetworkManager#remove} answered before it was done: each
 * removed network's bridge, deleted on a virtual thread of its own, and one new rendering of our nftables table
 * for all of them. Deleting a bridge waits for the kernel's RCU grace periods (~40 ms) and the rendering is two
 * {@code nft} runs (~20 ms): the tail of every {@code down}, which the caller need not wait for, since the state
 * no longer knows the network.
 *
 * <p>A bridge's deletion takes no lock, so anyone may wait for it, even under the manager's lock. The rendering
 * is made from the current state under the manager's lock (firewall changes are serialised there): by a thread
 * of its own, or by whoever settles the removals first. A failure is logged, not thrown — the removal is
 * committed: a bridge left behind goes at the next start's sweep, and the next full rendering (a network's
 * creation or removal, the sweep) drops rules left behind.
 */
final class Removals {
    private static final System.Logger LOG = System.getLogger(Removals.class.getName());

    private final HostTools tools;
    private final Object lock;
    private final Supplier<ManagerState> state;
    /** Bridges being deleted, by name; an entry leaves when its deletion is over. */
    private final Map<String, CompletableFuture<Void>> bridges = new ConcurrentHashMap<>();
    /** Whether the table still has rules of a removed network; guarded by {@code lock}. */
    private boolean rulesStale;

    /** @param lock the manager's lock, under which firewall changes are made */
    Removals(HostTools tools, Object lock, Supplier<ManagerState> state) {
        this.tools = tools;
        this.lock = lock;
        this.state = state;
    }

    /**
     * Starts removing the bridge and the rules of a network the state has forgotten, beside the teardowns of
     * {@code leaving} (its last containers' veths and namespaces, forgotten with it): the removal is over once they
     * are too. Call under the lock.
     */
    void begin(String bridge, List<CompletableFuture<Boolean>> leaving) {
        rulesStale = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        bridges.put(bridge, done);
        Thread.ofVirtual().name("remove-" + bridge).start(() -> {
            try {
                tools.bridges().remove(bridge);
                leaving.forEach(CompletableFuture::join);
            } catch (RuntimeException e) {
                if (!String.valueOf(e.getMessage()).contains("Cannot find device")) {
                    LOG.log(System.Logger.Level.WARNING, "cannot remove bridge " + bridge + " (the next start removes it): "
                            + e.getMessage());
                }
            } finally {
                bridges.remove(bridge, done);
                done.complete(null);
            }
        });
        Thread.ofVirtual().name("rules-" + bridge).start(() -> {
            synchronized (lock) {
                renderIfStale();
            }
        });
    }

    /**
     * Waits until every removal begun so far is over: its rules gone (rendered here when no one did yet) and its
     * bridge deleted. Call under the lock, before anything that could meet a removed network's leftovers: a
     * creation (the bridge's route would keep its subnet from the pools), the agent's stop.
     */
    void settle() {
        renderIfStale();
        awaitBridges();
    }

    /** Waits for the bridges (and leaving teardowns) of the removals begun so far; takes no lock. */
    void awaitBridges() {
        List.copyOf(bridges.values()).forEach(CompletableFuture::join);
    }

    /** Renders the table if a removal left rules behind. Call under the lock. */
    void renderIfStale() {
        if (!rulesStale) {
            return;
        }
        rulesStale = false;
        try {
            tools.firewall().applyWithBypass(state.get());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot update the rules after a network's removal (the next change of"
                    + " networks does): " + e.getMessage());
        }
    }
}
