package io.jcompose.network;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link NetworkManager#cleanupLeftovers()} did: kernel objects with our prefix that the state
 * did not know (removed), networks whose bridge had vanished (made again, e.g. after a reboot),
 * containers whose namespace had vanished (forgotten, their leases released), and published ports
 * whose reservation another process had taken meanwhile.
 */
public record SweepReport(List<String> removedLinks, List<Path> removedNamespaces, List<NetworkName> restoredBridges,
                          List<ContainerId> forgottenContainers, List<String> lostReservations) {

    public SweepReport {
        removedLinks = List.copyOf(removedLinks);
        removedNamespaces = List.copyOf(removedNamespaces);
        restoredBridges = List.copyOf(restoredBridges);
        forgottenContainers = List.copyOf(forgottenContainers);
        lostReservations = List.copyOf(lostReservations);
    }

    public boolean isEmpty() {
        return removedLinks.isEmpty() && removedNamespaces.isEmpty() && restoredBridges.isEmpty()
                && forgottenContainers.isEmpty() && lostReservations.isEmpty();
    }
}
