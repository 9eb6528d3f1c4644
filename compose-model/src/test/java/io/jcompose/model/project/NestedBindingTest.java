package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The nested records of the full example, one test per attribute family. */
class NestedBindingTest {
    private static Project project;
    private static Service foo;

    @BeforeAll
    static void bind() {
        project = ProjectBinder.bind(YamlTrees.resource("/project/full-canonical.yaml"));
        foo = project.service("foo");
    }

    @Test
    void build() {
        BuildConfig b = foo.build();
        assertThat(b.context()).isEqualTo("/work/project/dir");
        assertThat(b.dockerfile()).isEqualTo("Dockerfile");
        assertThat(b.dockerfileInline()).isNull();
        assertThat(b.entitlements()).containsExactly("network.host");
        assertThat(b.args()).containsExactly(entry("foo", "bar"), entry("UNSET", null));
        assertThat(b.provenance()).isEqualTo("true");
        assertThat(b.sbom()).isEqualTo("false");
        assertThat(b.ssh()).containsExactly(new BuildConfig.SshKey("default", null),
                new BuildConfig.SshKey("key1", "/home/me/.ssh/id_ed25519"));
        assertThat(b.labels()).containsExactly(entry("FOO", "BAR"));
        assertThat(b.cacheFrom()).containsExactly("foo", "bar");
        assertThat(b.cacheTo()).containsExactly("type=local,dest=/tmp/cache");
        assertThat(b.noCache()).isTrue();
        assertThat(b.noCacheFilter()).containsExactly("stage1");
        assertThat(b.additionalContexts()).containsExactly(entry("foo", "/work/project/bar"));
        assertThat(b.pull()).isTrue();
        assertThat(b.extraHosts()).containsExactly(entry("buildhost", List.of("10.0.0.1")));
        assertThat(b.isolation()).isEqualTo("default");
        assertThat(b.network()).isEqualTo("foo");
        assertThat(b.target()).isEqualTo("foo");
        assertThat(b.secrets()).containsExactly(new FileReference("secret1", "/run/secrets/secret1", null, null, null),
                new FileReference("secret2", "my_secret", "103", "103", 0440));
        assertThat(b.shmSize()).isEqualTo(2L << 30);
        assertThat(b.tags()).containsExactly("foo:v1.0.0", "docker.io/username/foo:my-other-tag");
        assertThat(b.ulimits()).containsExactly(entry("nofile", new Ulimit(1024, 2048)));
        assertThat(b.platforms()).containsExactly("linux/amd64", "linux/arm64");
        assertThat(b.privileged()).isTrue();
    }

    @Test
    void ports() {
        assertThat(foo.ports()).containsExactly(
                new PortConfig(null, PortConfig.Mode.INGRESS, null, 3000, null, PortConfig.Protocol.TCP, null),
                new PortConfig("web", PortConfig.Mode.HOST, "127.0.0.1", 8001, "8001", PortConfig.Protocol.UDP,
                        "http"),
                new PortConfig(null, PortConfig.Mode.INGRESS, null, 9000, "9000-9010", PortConfig.Protocol.TCP,
                        null));
    }

    @Test
    void volumes() {
        List<ServiceVolume> v = foo.volumes();
        assertThat(v).hasSize(7);
        assertThat(v.get(0)).isEqualTo(new ServiceVolume(ServiceVolume.Type.VOLUME, null, "/var/lib/anonymous", false,
                null, null, new ServiceVolume.VolumeOptions(Map.of(), false, null), null, null));
        assertThat(v.get(1).bind()).isEqualTo(new ServiceVolume.BindOptions(null, true, null, null));
        assertThat(v.get(2).readOnly()).isTrue();
        assertThat(v.get(2).bind()).as("create_host_path defaults to true")
                .isEqualTo(new ServiceVolume.BindOptions("rslave", true, "z", "readonly"));
        assertThat(v.get(3).source()).isEqualTo("datavolume");
        assertThat(v.get(3).volume()).isEqualTo(new ServiceVolume.VolumeOptions(Map.of("tier", "data"), true, "sub"));
        assertThat(v.get(4).consistency()).isEqualTo("cached");
        assertThat(v.get(5).type()).isEqualTo(ServiceVolume.Type.TMPFS);
        assertThat(v.get(5).tmpfs()).isEqualTo(new ServiceVolume.TmpfsOptions(10_000L, 1777));
        assertThat(v.get(6).type()).isEqualTo(ServiceVolume.Type.IMAGE);
        assertThat(v.get(6).image()).isEqualTo(new ServiceVolume.ImageOptions("/etc"));
    }

    @Test
    void networks() {
        assertThat(foo.networks()).containsOnlyKeys("other-network", "other-other-network", "some-network");
        assertThat(foo.networks().get("other-network")).isEqualTo(new ServiceNetwork(List.of(),
                Map.of("com.docker.network.endpoint.sysctls", "net.ipv4.conf.IFNAME.log_martians=1"), 1, "eth1",
                "172.16.238.10", "2001:3984:3989::10", List.of("169.254.8.8"), "02:42:72:98:65:08", 100));
        assertThat(foo.networks().get("other-other-network")).isEqualTo(ServiceNetwork.DEFAULTS);
        assertThat(foo.networks().get("some-network").aliases()).containsExactly("alias1", "alias3");
        assertThat(foo.networksByPriority()).containsExactly("other-network", "other-other-network", "some-network");
    }

    @Test
    void dependsOnAppliesComposeGoDefaults() {
        assertThat(foo.dependsOn()).containsExactly(
                entry("db", new DependsOn(DependsOn.Condition.SERVICE_HEALTHY, true, true)),
                entry("redis", new DependsOn(DependsOn.Condition.SERVICE_STARTED, false, false)),
                entry("migrate", new DependsOn(DependsOn.Condition.SERVICE_COMPLETED_SUCCESSFULLY, false, true)));
        assertThat(foo.dependencies()).containsExactly("db", "redis", "migrate");
    }

    @Test
    void deploy() {
        Deploy d = foo.deploy();
        assertThat(d.mode()).isEqualTo("replicated");
        assertThat(d.replicas()).isEqualTo(6);
        assertThat(d.labels()).containsExactly(entry("FOO", "BAR"));
        Deploy.UpdateConfig update = new Deploy.UpdateConfig(3L, Duration.ofSeconds(10), "continue",
                Duration.ofMinutes(1), 0.3, "start-first");
        assertThat(d.updateConfig()).isEqualTo(update);
        assertThat(d.rollbackConfig()).isEqualTo(update);
        assertThat(d.resources().limits()).isEqualTo(new ResourceLimit(0.001, 52_428_800L, 100L, List.of(), List.of()));
        ResourceLimit reservations = d.resources().reservations();
        assertThat(reservations.cpus()).isEqualTo(0.0001);
        assertThat(reservations.memory()).isEqualTo(20L << 20);
        assertThat(reservations.devices()).containsExactly(new DeviceRequest(List.of("gpu"), "nvidia",
                DeviceRequest.ALL, List.of("0", "1"), Map.of("virtualization", "false")));
        assertThat(reservations.genericResources()).containsExactly(new ResourceLimit.GenericResource("gpu", 2),
                new ResourceLimit.GenericResource("ssd", 1));
        assertThat(d.restartPolicy()).isEqualTo(new RestartPolicy(RestartPolicy.Condition.ON_FAILURE,
                Duration.ofSeconds(5), 3L, Duration.ofMinutes(2)));
        assertThat(d.placement()).isEqualTo(new Placement(List.of("node=foo"), List.of("node.labels.az"), 5L));
        assertThat(d.endpointMode()).isEqualTo("dnsrr");
    }

    @Test
    void lifecycle() {
        assertThat(foo.healthcheck()).isEqualTo(new Healthcheck(List.of("CMD-SHELL", "echo \"hello world\""),
                Duration.ofSeconds(10), Duration.ofSeconds(1), 5L, Duration.ofSeconds(15), Duration.ofMillis(500),
                false));
        assertThat(foo.restart()).isEqualTo(new Restart(Restart.Kind.ON_FAILURE, 3));
        assertThat(foo.pullPolicy()).isEqualTo(new PullPolicy(PullPolicy.Kind.REFRESH, Duration.ofHours(12)));
        assertThat(foo.postStart()).containsExactly(new ServiceHook(List.of("chown", "-R", "1001:1001", "/data"),
                "root", false, null, Map.of()));
        assertThat(foo.preStop()).containsExactly(new ServiceHook(List.of("./drain.sh"), null, false, "/app",
                Map.of("GRACE", "10s")));
        assertThat(foo.preStart()).containsExactly(new PreStartStep("alpine",
                List.of("sh", "-c", "echo init > /shared/init.txt"), null, false, null, Map.of(), true));
    }

    @Test
    void develop() {
        List<DevelopConfig.WatchRule> watch = foo.develop().watch();
        assertThat(watch).hasSize(3);
        assertThat(watch.get(0)).isEqualTo(new DevelopConfig.WatchRule("./src", DevelopConfig.Action.SYNC, "/app/src",
                null, List.of("node_modules/"), List.of("*.js"), true));
        assertThat(watch.get(1).action()).isEqualTo(DevelopConfig.Action.SYNC_EXEC);
        assertThat(watch.get(1).exec()).isEqualTo(new ServiceHook(List.of("npm", "install"), "root", true, "/app",
                Map.of("CI", "1")));
        assertThat(watch.get(2).action()).isEqualTo(DevelopConfig.Action.REBUILD);
    }

    @Test
    void resourceControls() {
        assertThat(foo.blkioConfig()).isEqualTo(new BlkioConfig(300,
                List.of(new BlkioConfig.WeightDevice("/dev/sda", 400)),
                List.of(new BlkioConfig.ThrottleDevice("/dev/sda", 10L << 20)),
                List.of(new BlkioConfig.ThrottleDevice("/dev/sdb", 120)),
                List.of(new BlkioConfig.ThrottleDevice("/dev/sdc", 1024)),
                List.of(new BlkioConfig.ThrottleDevice("/dev/sdd", 30))));
        assertThat(foo.ulimits()).containsExactly(entry("nofile", new Ulimit(20_000, 40_000)),
                entry("nproc", new Ulimit(65_535, 65_535)));
        assertThat(foo.devices()).containsExactly(new DeviceMapping("/dev/ttyUSB0", "/dev/ttyUSB0", "rwm"),
                new DeviceMapping("/dev/sda", "/dev/xvda", "r"));
        assertThat(foo.gpus()).containsExactly(new DeviceRequest(List.of("gpu", "utility"), "nvidia", 2L, List.of(),
                Map.of()));
    }

    @Test
    void filesAndReferences() {
        assertThat(foo.configs()).containsExactly(new FileReference("config1", null, null, null, null),
                new FileReference("config2", "/my_config", "103", "103", 0440));
        assertThat(foo.secrets()).containsExactly(
                new FileReference("secret1", "/run/secrets/secret1", null, null, null),
                new FileReference("secret2", "my_secret", "103", "103", 0440),
                new FileReference("secret3", "/run/secrets/secret3", null, null, null));
        assertThat(foo.envFiles()).containsExactly(new EnvFile("/work/project/example1.env", true, null),
                new EnvFile("/work/project/example2.env", false, "raw"));
        assertThat(foo.extendsConfig()).isEqualTo(new ExtendsConfig("base.yaml", "base"));
        assertThat(foo.logging()).isEqualTo(new Logging("syslog", Map.of("syslog-address", "tcp://192.168.0.42:123")));
        assertThat(foo.credentialSpec()).isEqualTo(new CredentialSpec("my_credential_spec", null, null));
        assertThat(foo.models()).containsExactly(entry("llm", new ServiceModel("LLM_URL", "LLM_MODEL")));
        assertThat(foo.provider()).isEqualTo(new ServiceProvider("awesomecloud",
                Map.of("type", List.of("mysql"), "size", List.of("256"), "ports", List.of("3306", "33060"))));
    }

    @Test
    void topLevelNetworks() {
        assertThat(project.networks()).containsOnlyKeys("external-network", "other-external-network",
                "other-network", "some-network");
        Network other = project.networks().get("other-network");
        assertThat(other.name()).isEqualTo("full_example_project_name_other-network");
        assertThat(other.driver()).isEqualTo("overlay");
        assertThat(other.driverOpts()).containsExactly(entry("baz", "1"), entry("foo", "bar"));
        assertThat(other.ipam()).isEqualTo(new Ipam("overlay", List.of(
                new IpamPool("172.28.0.0/16", "172.28.5.254", "172.28.5.0/24",
                        Map.of("host1", "172.28.1.5", "host2", "172.28.1.6")),
                new IpamPool("2001:3984:3989::/64", "2001:3984:3989::1", null, Map.of())),
                Map.of("foo", "bar")));
        assertThat(other.internal()).isTrue();
        assertThat(other.attachable()).isTrue();
        assertThat(other.enableIpv6()).isTrue();
        assertThat(other.enableIpv4()).isFalse();
        assertThat(other.labels()).containsExactly(entry("foo", "bar"));
        assertThat(other.external()).isFalse();
        Network external = project.networks().get("other-external-network");
        assertThat(external.external()).isTrue();
        assertThat(external.name()).isEqualTo("my-cool-network");
        assertThat(external.ipam()).isEqualTo(new Ipam(null, List.of(), Map.of()));
        assertThat(external.extensions()).containsExactly(entry("x-bar", "baz"));
        assertThat(project.networks().get("some-network").enableIpv6()).isNull();
    }

    @Test
    void topLevelVolumesSecretsConfigsModels() {
        assertThat(project.volumes().get("another-volume")).isEqualTo(new Volume("user_specified_name", "vsphere",
                Map.of("baz", "1", "foo", "bar"), false, Map.of(), Map.of()));
        assertThat(project.volumes().get("external-volume3").external()).isTrue();
        assertThat(project.volumes().get("external-volume3").extensions()).containsExactly(entry("x-bar", "baz"));
        assertThat(project.volumes().get("some-volume")).isEqualTo(new Volume(null, null, Map.of(), false, Map.of(),
                Map.of()));
        assertThat(project.secrets().get("secret1")).isEqualTo(new Secret("full_example_project_name_secret1",
                "/work/project/secret_data", null, null, false, Map.of("foo", "bar"), null, Map.of(), null, Map.of()));
        assertThat(project.secrets().get("secret2").external()).isTrue();
        assertThat(project.secrets().get("secret4").environment()).isEqualTo("BAR");
        assertThat(project.configs().get("config5")).isEqualTo(new Config("full_example_project_name_config5", null,
                null, "hello\n", false, Map.of(), null, Map.of(), "golang", Map.of()));
        assertThat(project.models().get("llm")).isEqualTo(new Model("full_example_project_name_llm", "ai/smollm2",
                4096L, List.of("--verbose"), Map.of()));
    }
}
