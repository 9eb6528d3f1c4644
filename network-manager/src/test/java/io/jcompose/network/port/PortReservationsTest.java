package io.jcompose.network.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.Protocol;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.host.HostNamespace;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reservations on this machine's loopback (no root); sockets of the test itself play the other holders. */
class PortReservationsTest {

    private static final Optional<IpAddress> LOOPBACK = Optional.of(IpAddress.parse("127.0.0.1"));
    private final PortReservations reservations = new PortReservations(HostNamespace.current());

    @Test
    void aPortLetGoOfAMomentLaterIsReservedAllTheSame() throws Exception {
        // as when a process we started still holds a copy of the socket we closed, for a few milliseconds
        ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = holder.getLocalPort();
        Thread release = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(8);
                holder.close();
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        PortReservations.Reservation r = reservations.reserve(Protocol.TCP, LOOPBACK, port);
        release.join();
        assertThat(r.port()).isEqualTo(port);
        PortReservations.closeAll(List.of(r));
    }

    @Test
    void aPortThatStaysTakenFailsAsInUse() throws IOException {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> reservations.reserve(Protocol.TCP, LOOPBACK, holder.getLocalPort()))
                    .isInstanceOf(BindException.class).hasMessageContaining("in use");
        }
    }
}
