package io.jcompose.network;

import java.util.concurrent.CompletableFuture;

/**
 * An attach that returned before its last step: the container is attached in the state, its namespace
 * complete (interfaces, addresses, routes) and its ports published, while the host ends of its veths are
 * being put on their bridges ({@code ip link set … master}, a program of its own, ~5 ms). What needs only
 * the namespace — the runtime's {@code create} — need not wait for that; the container's process must not
 * run before {@link #bridged} completes. When it fails, the container stays attached: the caller detaches it.
 */
public record PendingAttachment(Attachment attachment, CompletableFuture<Void> bridged) {

    static PendingAttachment done(Attachment attachment) {
        return new PendingAttachment(attachment, CompletableFuture.completedFuture(null));
    }
}
