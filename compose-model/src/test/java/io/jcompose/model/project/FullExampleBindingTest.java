package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Binds the full canonical example and checks every attribute of service "foo" and the top level. */
class FullExampleBindingTest {
    private static Project project;
    private static Service foo;

    @BeforeAll
    static void bind() {
        project = ProjectBinder.bind(YamlTrees.resource("/project/full-canonical.yaml"), Path.of("/work/project"));
        foo = project.service("foo");
    }

    @Test
    void everyServiceAttributeOfFooIsBoundToANonDefaultValue() {
        List<String> unbound = new ArrayList<>();
        RecordComponent[] components = Service.class.getRecordComponents();
        for (RecordComponent c : components) {
            Object value;
            try {
                value = c.getAccessor().invoke(foo);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            // attach is a tri-state the fixture sets to false on purpose; other false booleans mean "not bound"
            boolean unset = value == null || (value instanceof Boolean b && !b && !c.getName().equals("attach"))
                    || (value instanceof Collection<?> col && col.isEmpty())
                    || (value instanceof Map<?, ?> map && map.isEmpty());
            if (unset) unbound.add(c.getName());
        }
        assertThat(components).hasSize(93 + 2); // the 93 compose attributes, plus name and extensions
        assertThat(unbound).isEmpty();
    }

    @Test
    void project() {
        assertThat(project.name()).isEqualTo("full_example_project_name");
        assertThat(project.workingDir()).isEqualTo(Path.of("/work/project"));
        assertThat(project.serviceNames()).containsExactly("bar", "foo");
        assertThat(project.extensions()).containsEntry("x-bar", "baz")
                .containsEntry("x-nested", Map.of("bar", "baz", "foo", List.of(1L, 2.5, true)));
        assertThat(project.images()).containsExactly("redis:7");
        assertThat(project.dependencies("foo")).containsExactly("db", "redis", "migrate");
    }

    @Test
    void scalars() {
        assertThat(foo.name()).isEqualTo(ServiceName.of("foo"));
        assertThat(foo.image()).isEqualTo("redis:7");
        assertThat(foo.attach()).isFalse();
        assertThat(foo.init()).isTrue();
        assertThat(foo.cgroup()).isEqualTo("private");
        assertThat(foo.cgroupParent()).isEqualTo("m-executor-abcd");
        assertThat(foo.containerName()).isEqualTo("my-web-container");
        assertThat(foo.cpuCount()).isEqualTo(2L);
        assertThat(foo.cpuPercent()).isEqualTo(50.0);
        assertThat(foo.cpuPeriod()).isEqualTo(100_000L);
        assertThat(foo.cpuQuota()).isEqualTo(50_000L);
        assertThat(foo.cpuRtPeriod()).as("1400us in microseconds").isEqualTo(1400L);
        assertThat(foo.cpuRtRuntime()).isEqualTo(950L);
        assertThat(foo.cpuShares()).isEqualTo(512L);
        assertThat(foo.cpus()).isEqualTo(1.5);
        assertThat(foo.cpuset()).isEqualTo("0-3");
        assertThat(foo.domainname()).isEqualTo("foo.com");
        assertThat(foo.hostname()).isEqualTo("foo");
        assertThat(foo.ipc()).isEqualTo("host");
        assertThat(foo.isolation()).isEqualTo("default");
        assertThat(foo.macAddress()).isEqualTo("02:42:ac:11:65:43");
        assertThat(foo.networkMode()).isEqualTo("container:0cfeab0f748b");
        assertThat(foo.oomKillDisable()).isTrue();
        assertThat(foo.oomScoreAdj()).isEqualTo(-500L);
        assertThat(foo.pid()).isEqualTo("host");
        assertThat(foo.pidsLimit()).isEqualTo(200L);
        assertThat(foo.platform()).isEqualTo("linux/amd64");
        assertThat(foo.privileged()).isTrue();
        assertThat(foo.pullRefreshAfter()).isEqualTo("12h");
        assertThat(foo.readOnly()).isTrue();
        assertThat(foo.runtime()).isEqualTo("runc");
        assertThat(foo.scale()).isEqualTo(6);
        assertThat(foo.stdinOpen()).isTrue();
        assertThat(foo.stopGracePeriod()).isEqualTo(Duration.ofSeconds(90));
        assertThat(foo.stopSignal()).isEqualTo("SIGUSR1");
        assertThat(foo.tty()).isTrue();
        assertThat(foo.useApiSocket()).isTrue();
        assertThat(foo.user()).isEqualTo("someone");
        assertThat(foo.usernsMode()).isEqualTo("host");
        assertThat(foo.uts()).isEqualTo("host");
        assertThat(foo.workingDir()).isEqualTo("/code");
    }

    @Test
    void byteSizes() {
        assertThat(foo.memLimit()).isEqualTo(1L << 30);
        assertThat(foo.memReservation()).isEqualTo(536_870_912L);
        assertThat(foo.memSwappiness()).isEqualTo(60L);
        assertThat(foo.memswapLimit()).isEqualTo(-1L);
        assertThat(foo.shmSize()).isEqualTo(64L << 20);
    }

    @Test
    void stringCollections() {
        assertThat(foo.annotations()).containsExactly(entry("com.example.foo", "bar"));
        assertThat(foo.capAdd()).containsExactly("ALL");
        assertThat(foo.capDrop()).containsExactly("NET_ADMIN", "SYS_ADMIN");
        assertThat(foo.command()).containsExactly("bundle", "exec", "thin", "-p", "3000");
        assertThat(foo.entrypoint()).containsExactly("/code/entrypoint.sh", "-p", "3000");
        assertThat(foo.deviceCgroupRules()).containsExactly("c 1:3 mr", "a 7:* rmw");
        assertThat(foo.dns()).containsExactly("8.8.8.8", "9.9.9.9");
        assertThat(foo.dnsOpt()).containsExactly("use-vc", "no-tld-query");
        assertThat(foo.dnsSearch()).containsExactly("dc1.example.com", "dc2.example.com");
        assertThat(foo.expose()).containsExactly("3000", "8000");
        assertThat(foo.externalLinks()).containsExactly("redis_1", "project_db_1:mysql");
        assertThat(foo.groupAdd()).containsExactly("mail", "1000");
        assertThat(foo.labelFiles()).containsExactly("/work/project/labels.txt");
        assertThat(foo.links()).containsExactly("db", "db:database", "redis");
        assertThat(foo.profiles()).containsExactly("debug", "tools");
        assertThat(foo.securityOpt()).containsExactly("label=level:s0:c100,c200", "label=type:svirt_apache_t");
        assertThat(foo.tmpfs()).containsExactly("/run", "/tmp");
        assertThat(foo.volumesFrom()).containsExactly("other", "container:legacy:ro");
        assertThat(foo.environment()).containsExactly(entry("BAR", "bar_from_env_file_2"),
                entry("BAZ", "baz_from_service_def"), entry("ENV.WITH.DOT", "ok"), entry("FOO", "foo_from_env_file"),
                entry("QUX", null));
        assertThat(foo.labels()).containsExactly(entry("com.example.description", "Accounting webapp"),
                entry("com.example.empty-label", ""), entry("com.example.number", "42"));
        assertThat(foo.storageOpt()).containsExactly(entry("size", "20G"));
        assertThat(foo.sysctls()).containsExactly(entry("net.core.somaxconn", "1024"),
                entry("net.ipv4.tcp_syncookies", "0"));
        assertThat(foo.extraHosts()).containsExactly(entry("otherhost", List.of("50.31.209.229")),
                entry("somehost", List.of("162.242.195.82", "162.242.195.83")), entry("ipv6host", List.of("::1")));
        assertThat(foo.extensions()).containsEntry("x-bar", "baz");
        assertThat(foo.extensions().get("x-foo")).isEqualTo(Map.of("nested", java.util.Arrays.asList(1L, "two", null)));
    }

    @Test
    void unsetCommandIsNullAndEmptyEntrypointClears() {
        Service bar = project.service("bar");
        assertThat(bar.command()).isNull();
        assertThat(bar.entrypoint()).isEmpty();
        assertThat(bar.environment()).isEmpty();
        assertThat(bar.ports()).isEmpty();
        assertThat(bar.deploy()).isNull();
        assertThat(bar.privileged()).isFalse();
        assertThat(bar.attach()).isNull();
        assertThat(bar.build().dockerfileInline()).isEqualTo("FROM alpine\nRUN echo \"hello\" > /world.txt\n");
        assertThat(bar.replicas()).isEqualTo(1);
    }
}
