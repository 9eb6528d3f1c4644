package io.jcompose.network;

import io.jcompose.network.state.ManagerState;

/**
 * The manager's current state and the one way to change it: saved to disk first, and only then
 * current. When saving fails the firewall is put back to the previous state, so memory, disk and
 * kernel rules stay in agreement.
 */
final class StateCell {

    private final HostTools tools;
    /** Immutable; volatile so that readers may look at the current state without the manager's lock. */
    private volatile ManagerState state;

    StateCell(HostTools tools, ManagerState state) {
        this.tools = tools;
        this.state = state;
    }

    ManagerState get() {
        return state;
    }

    void commit(ManagerState next) {
        try {
            tools.store().save(next);
        } catch (RuntimeException e) {
            if (!state.equals(next)) {
                try {
                    tools.firewall().apply(state);
                } catch (RuntimeException ignored) {
                    // the original failure is the one to report
                }
            }
            throw e;
        }
        state = next;
    }
}
