package io.jcompose.agent.network;

import static io.jcompose.agent.network.NetworkFixtures.bridge;
import static io.jcompose.agent.network.NetworkFixtures.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.bundle.EtcFiles;
import io.jcompose.agent.bundle.HostEntry;
import io.jcompose.agent.bundle.NetworkMode;
import io.jcompose.agent.bundle.NetworkSpec;
import io.jcompose.network.address.IpAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ContainerEtcTest {
    static final HostResolvConf HOST = HostResolvConf.parse("""
            nameserver 10.255.255.53
            search corp.example
            options edns0
            """);
    static final Optional<IpAddress> GATEWAY = Optional.of(IpAddress.parse("10.9.1.1"));

    static NetworkSpec network(List<String> dns, List<String> search, List<String> options) {
        return new NetworkSpec(NetworkMode.NONE, List.of(), dns, search, options);
    }

    static Stream<Arguments> resolvCases() {
        return Stream.of(
                Arguments.of("host search and options, ndots:0 added", network(List.of(), List.of(), List.of()),
                        "nameserver 10.9.1.1\nsearch corp.example\noptions edns0 ndots:0\n"),
                Arguments.of("dns_search and dns_opt replace the host's", network(List.of(), List.of("svc.local"),
                        List.of("ndots:2", "timeout:1")), "nameserver 10.9.1.1\nsearch svc.local\noptions ndots:2 timeout:1\n"),
                Arguments.of("dns: servers are reached through the embedded DNS", network(List.of("198.51.100.7"),
                        List.of(), List.of()), "nameserver 10.9.1.1\nsearch corp.example\noptions edns0 ndots:0\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolvCases")
    void resolvConfNamesTheGatewayOfTheFirstNetwork(String why, NetworkSpec network, String expected) {
        assertThat(ContainerEtc.resolvConf(GATEWAY, network, HOST)).isEqualTo(expected);
    }

    @Test
    void hostsHasLocalhostExtraHostsAndTheOwnAddressOfEth0() {
        String hosts = ContainerEtc.hosts(bridge("aaa", endpoint("front", 1, 2), endpoint("back", 2, 2)), "web", "",
                List.of(new HostEntry("db.local", "10.0.0.5")));
        assertThat(hosts).isEqualTo(EtcFiles.LOCAL_HOSTS + "10.0.0.5\tdb.local\n10.9.1.2\tweb\n");
    }

    @Test
    void aDomainNameGivesTheFullNameFirst() {
        assertThat(ContainerEtc.hosts(bridge("aaa", endpoint("front", 1, 7)), "web", "example.org", List.of()))
                .endsWith("10.9.1.7\tweb.example.org web\n");
    }

    @Test
    void hostResolverFileIsReadLikeGlibc() {
        HostResolvConf parsed = HostResolvConf.parse("""
                # comment
                nameserver 127.0.0.53
                nameserver fe80::1%eth0
                nameserver not-an-address
                domain old.example
                search a.example b.example
                options ndots:1
                options rotate
                """);
        assertThat(parsed.nameservers()).extracting(Object::toString)
                .containsExactly("/127.0.0.53", "/fe80:0:0:0:0:0:0:1");
        assertThat(parsed.search()).containsExactly("a.example", "b.example");
        assertThat(parsed.options()).containsExactly("ndots:1", "rotate");
    }
}
