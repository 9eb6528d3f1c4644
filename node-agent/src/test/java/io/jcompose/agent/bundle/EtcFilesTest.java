package io.jcompose.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcFilesTest {
    static final String HOST_RESOLV = """
            # generated
            nameserver 127.0.0.53
            nameserver 10.1.1.1
            search corp.example
            options edns0 trust-ad
            """;
    static final ContainerSpec BASE = ContainerSpec.of(Path.of("/r"), List.of("sh"));

    @Test
    void isolatedContainerGetsLocalHostsAndNoLoopbackNameserver() {
        ContainerSpec spec = BASE.withNetwork(new NetworkSpec(NetworkMode.NONE,
                List.of(new HostEntry("db", "10.0.0.5")), List.of(), List.of(), List.of()));
        EtcFiles files = EtcFiles.render(spec, "web", "1.2.3.4 hosthost\n", HOST_RESOLV);

        assertThat(files.hostname()).isEqualTo("web\n");
        assertThat(files.hosts()).startsWith("127.0.0.1\tlocalhost\n").endsWith("10.0.0.5\tdb\n")
                .doesNotContain("hosthost");
        assertThat(files.resolvConf()).isEqualTo("nameserver 10.1.1.1\nsearch corp.example\noptions edns0 trust-ad\n");
    }

    @Test
    void hostNetworkKeepsTheHostsFilesAndLoopbackResolvers() {
        EtcFiles files = EtcFiles.render(BASE.withNetwork(NetworkSpec.of(NetworkMode.HOST)), "hosthost",
                "1.2.3.4 hosthost", HOST_RESOLV);

        assertThat(files.hosts()).isEqualTo("1.2.3.4 hosthost\n");
        assertThat(files.resolvConf()).startsWith("nameserver 127.0.0.53\nnameserver 10.1.1.1\n");
    }

    @Test
    void containerDnsSettingsReplaceTheHostsKindByKind() {
        ContainerSpec spec = BASE.withNetwork(new NetworkSpec(NetworkMode.NONE, List.of(),
                List.of("10.9.9.9"), List.of(), List.of("ndots:2")));

        assertThat(EtcFiles.render(spec, "x", "", HOST_RESOLV).resolvConf())
                .isEqualTo("nameserver 10.9.9.9\nsearch corp.example\noptions ndots:2\n");
    }
}
