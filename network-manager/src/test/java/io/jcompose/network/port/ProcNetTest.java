package io.jcompose.network.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.network.Protocol;
import io.jcompose.network.address.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcNetTest {

    @Test
    void readsIpv4AndIpv6TablesInKernelByteOrder() {
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41234 1 0 100 0 0 10 0
                   1: 0200A8C0:0016 0100A8C0:C350 01 00000000:00000000 00:00000000 00000000     0        0 41235 1 0 100 0 0 10 0
                """;
        List<SocketEntry> v4 = ProcNet.parse(Protocol.TCP, tcp);
        assertThat(v4).containsExactly(
                new SocketEntry(Protocol.TCP, IpAddress.parse("127.0.0.1"), 8080, 0x0A, 41234),
                new SocketEntry(Protocol.TCP, IpAddress.parse("192.168.0.2"), 22, 0x01, 41235));
        assertThat(v4.get(0).holdsPort()).isTrue();
        assertThat(v4.get(1).holdsPort()).as("an established connection does not hold the port for bind").isFalse();

        String tcp6 = """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5150 1 0 100 0 0 10 0
                   1: 0000FDFD000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5151 1 0 100 0 0 10 0
                   2: 0000000000000000FFFF00000100007F:0051 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5152 1 0 100 0 0 10 0
                """;
        assertThat(ProcNet.parse(Protocol.TCP, tcp6)).extracting(SocketEntry::localAddress)
                .as("an IPv4-mapped address holds the IPv4 port")
                .containsExactly(IpAddress.parse("::1"), IpAddress.parse("fdfd::1"), IpAddress.parse("127.0.0.1"));
    }

    @Test
    void udpSocketsHoldTheirPortInAnyState() {
        String udp = """
                   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                  1: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000   104        0 8888 2 0 0
                """;
        SocketEntry e = ProcNet.parse(Protocol.UDP, udp).getFirst();
        assertThat(e.localPort()).isEqualTo(5353);
        assertThat(e.holdsPort()).isTrue();
        assertThat(PortHolders.overlaps(IpAddress.parse("0.0.0.0"), IpAddress.parse("10.0.0.1"))).isTrue();
        assertThat(PortHolders.overlaps(IpAddress.parse("10.0.0.2"), IpAddress.parse("10.0.0.1"))).isFalse();
    }
}
