package io.jcompose.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.PullPolicy;
import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.graph.ServiceGraph;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node.ImageInfo;
import io.jcompose.scheduler.node.Node.NetworkInfo;
import io.jcompose.scheduler.node.Node.VolumeInfo;
import io.jcompose.scheduler.testing.Projects;
import io.jcompose.scheduler.translate.SpecTranslator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Planner rules as a table: what ran before × what the file says now × options → actions with reasons. */
class PlannerTest {
    private static final String STACK = """
            services:
              db: {image: postgres:16, environment: {POSTGRES_PASSWORD: x}}
              web: {image: nginx:1, depends_on: [db], ports: ['8080:80']}
            """;

    private static final ObservedState IMAGES_ONLY = new ObservedState(List.of(), List.of(), List.of(), Map.of(
            "postgres:16", new ImageInfo("sha256:old", "postgres:16"), "nginx:1", new ImageInfo("sha256:old", "nginx:1")));

    /** The stack running as {@code before} describes, in {@code state}: what an earlier {@code up} left. */
    private static ObservedState running(String before, String state, Map<String, Integer> scale) {
        return running(Projects.load(before), state, scale);
    }

    private static ObservedState running(Desired d, String state, Map<String, Integer> scale) {
        ServiceGraph g = ServiceGraph.of(d.project());
        List<ContainerView> out = new ArrayList<>();
        for (String s : d.project().services().keySet()) {
            for (int n = 1; n <= scale.getOrDefault(s, d.project().service(s).replicas()); n++) {
                Map<String, String> labels = Planner.labels(d, g, d.project().service(s), n);
                var req = SpecTranslator.translate(d.project(), d.project().service(s), n, labels).request();
                out.add(new ContainerView("id-" + req.name(), req.name(), req.labels(), state, 0, null, false, null,
                        null, null, req.spec(), "sha256:old", null, 0, List.of(), Map.of()));
            }
        }
        return new ObservedState(out, List.of(new NetworkInfo("demo_default", Map.of(Labels.PROJECT, "demo"))),
                List.of(), Map.of("postgres:16", new ImageInfo("sha256:old", "postgres:16"),
                "nginx:1", new ImageInfo("sha256:old", "nginx:1")));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("nothing runs yet", STACK, ObservedState.EMPTY, PlanOptions.DEFAULTS, List.of(
                        "Network demo_default  create  does not exist yet",
                        "Image postgres:16  pull  not present locally",
                        "Image nginx:1  pull  not present locally",
                        "Container demo-db-1  create  no container yet",
                        "Container demo-web-1  create  no container yet")),
                Arguments.of("everything up to date", STACK, running(STACK, "running", Map.of()), PlanOptions.DEFAULTS,
                        List.of("Container demo-db-1  keep  up to date",
                                "Container demo-web-1  keep  up to date")),
                Arguments.of("stopped containers are started", STACK, running(STACK, "exited", Map.of()),
                        PlanOptions.DEFAULTS, List.of("Container demo-db-1  start  up to date, exited",
                                "Container demo-web-1  start  up to date, exited")),
                Arguments.of("an edited environment recreates only that service, naming the field",
                        STACK.replace("POSTGRES_PASSWORD: x", "POSTGRES_PASSWORD: y"), running(STACK, "running", Map.of()),
                        PlanOptions.DEFAULTS, List.of("Container demo-db-1  recreate  configuration changed: env",
                                "Container demo-web-1  keep  up to date")),
                Arguments.of("edited ports", STACK.replace("8080:80", "8081:80"), running(STACK, "running", Map.of()),
                        PlanOptions.DEFAULTS, List.of("Container demo-db-1  keep  up to date",
                                "Container demo-web-1  recreate  configuration changed: ports")),
                Arguments.of("--force-recreate", STACK, running(STACK, "running", Map.of()),
                        PlanOptions.DEFAULTS.withRecreate(PlanOptions.Recreate.FORCE), List.of(
                                "Container demo-db-1  recreate  forced (--force-recreate or --always-recreate-deps)",
                                "Container demo-web-1  recreate  forced (--force-recreate or --always-recreate-deps)")),
                Arguments.of("--no-recreate keeps a diverged container",
                        STACK.replace("POSTGRES_PASSWORD: x", "POSTGRES_PASSWORD: y"), running(STACK, "running", Map.of()),
                        PlanOptions.DEFAULTS.withRecreate(PlanOptions.Recreate.NEVER), List.of(
                                "Container demo-db-1  keep  up to date (--no-recreate)",
                                "Container demo-web-1  keep  up to date (--no-recreate)")),
                Arguments.of("--scale up", STACK, running(STACK, "running", Map.of()),
                        PlanOptions.DEFAULTS.withScale(Map.of("web", 3)), List.of(
                                "Container demo-db-1  keep  up to date",
                                "Container demo-web-1  keep  up to date",
                                "Container demo-web-2  create  scale up to 3",
                                "Container demo-web-3  create  scale up to 3")),
                Arguments.of("--scale down removes the highest numbers", STACK, running(STACK, "running", Map.of("web", 3)),
                        PlanOptions.DEFAULTS.withScale(Map.of("web", 1)), List.of(
                                "Container demo-db-1  keep  up to date",
                                "Container demo-web-1  keep  up to date",
                                "Container demo-web-2  remove  scale down to 1",
                                "Container demo-web-3  remove  scale down to 1")),
                Arguments.of("a selected service brings its dependencies", STACK, IMAGES_ONLY,
                        PlanOptions.DEFAULTS.withServices(List.of("web")), List.of(
                                "Network demo_default  create  does not exist yet",
                                "Container demo-db-1  create  no container yet",
                                "Container demo-web-1  create  no container yet")),
                Arguments.of("--no-deps brings only the selected service", STACK, IMAGES_ONLY,
                        PlanOptions.DEFAULTS.withServices(List.of("web")).withNoDeps(true), List.of(
                                "Network demo_default  create  does not exist yet",
                                "Container demo-web-1  create  no container yet")),
                Arguments.of("--always-recreate-deps", STACK, running(STACK, "running", Map.of()),
                        PlanOptions.DEFAULTS.withServices(List.of("web")).withAlwaysRecreateDeps(true), List.of(
                                "Container demo-db-1  recreate  forced (--force-recreate or --always-recreate-deps)",
                                "Container demo-web-1  keep  up to date")),
                Arguments.of("--pull always", STACK, running(STACK, "running", Map.of()),
                        PlanOptions.DEFAULTS.withPull(PullPolicy.Kind.ALWAYS), List.of(
                                "Image postgres:16  pull  --pull always",
                                "Image nginx:1  pull  --pull always",
                                "Container demo-db-1  keep  up to date",
                                "Container demo-web-1  keep  up to date")),
                Arguments.of("--no-start keeps stopped containers as they are", STACK, running(STACK, "exited", Map.of()),
                        PlanOptions.DEFAULTS.withStart(false), List.of("Container demo-db-1  keep  up to date",
                                "Container demo-web-1  keep  up to date")),
                Arguments.of("a removed service's container is an orphan", """
                        services:
                          db: {image: postgres:16, environment: {POSTGRES_PASSWORD: x}}
                        """, running(STACK, "running", Map.of()), PlanOptions.DEFAULTS.withRemoveOrphans(true), List.of(
                        "Container demo-db-1  keep  up to date",
                        "Container demo-web-1  remove  orphan: service web is not in the compose file")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void plans(String why, String yaml, ObservedState observed, PlanOptions options, List<String> expected) {
        Plan plan = Planner.plan(Projects.load(yaml), observed, options);
        assertThat(plan.actions()).extracting(Action::describe).containsExactlyElementsOf(expected);
    }

    @Test
    void aChangedImageRecreatesAndNamesBothIds() {
        ObservedState before = running(STACK, "running", Map.of());
        Map<String, ImageInfo> images = new HashMap<>(before.images());
        images.put("nginx:1", new ImageInfo("sha256:0123456789abcdef", "nginx:1"));
        ObservedState after = new ObservedState(before.containers(), before.networks(), before.volumes(), images);
        Plan plan = Planner.plan(Projects.load(STACK), after, PlanOptions.DEFAULTS);
        assertThat(plan.actions()).extracting(Action::describe)
                .contains("Container demo-web-1  recreate  image nginx:1 changed: old → 0123456789ab");
    }

    @Test
    void aRecreatedNamespaceOwnerRecreatesItsSharers() {
        String yaml = """
                services:
                  vpn: {image: busybox, environment: {V: '1'}}
                  app: {image: busybox, network_mode: service:vpn}
                """;
        ObservedState before = running(yaml, "running", Map.of());
        Plan plan = Planner.plan(Projects.load(yaml.replace("V: '1'", "V: '2'")), before, PlanOptions.DEFAULTS);
        assertThat(plan.services().values().stream().flatMap(List::stream).toList()).extracting(Action::describe).containsExactly(
                "Container demo-vpn-1  recreate  configuration changed: env",
                "Container demo-app-1  recreate  shares the network_mode namespace of vpn, which gets a new container");
    }

    @Test
    void orphansAreOnlyReportedWithoutRemoveOrphans() {
        Plan plan = Planner.plan(Projects.load("services: {db: {image: postgres:16, environment: {POSTGRES_PASSWORD: x}}}"),
                running(STACK, "running", Map.of()), PlanOptions.DEFAULTS);
        assertThat(plan.orphans()).isEmpty();
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("demo-web-1").contains("--remove-orphans"));
    }

    @Test
    void labelsAreDockerComposes() {
        Plan plan = Planner.plan(Projects.load(STACK), ObservedState.EMPTY, PlanOptions.DEFAULTS);
        var web = (Action.CreateContainer) plan.services().get("web").getFirst();
        assertThat(web.request().labels())
                .containsEntry("com.docker.compose.project", "demo")
                .containsEntry("com.docker.compose.service", "web")
                .containsEntry("com.docker.compose.container-number", "1")
                .containsEntry("com.docker.compose.oneoff", "False")
                .containsEntry("com.docker.compose.depends_on", "db:service_started:false")
                .containsKeys("com.docker.compose.config-hash", "com.docker.compose.project.working_dir",
                        "com.docker.compose.project.config_files", "com.docker.compose.version");
        var network = (Action.CreateNetwork) plan.resources().getFirst();
        assertThat(network.request().labels()).containsEntry("com.docker.compose.network", "default")
                .containsEntry("com.docker.compose.project", "demo");
    }

    @Test
    void aMissingExternalNetworkSaysHowToFixIt() {
        String yaml = """
                services: {app: {image: busybox, networks: [shared]}}
                networks: {shared: {external: true}}
                """;
        assertThatThrownBy(() -> Planner.plan(Projects.load(yaml), ObservedState.EMPTY, PlanOptions.DEFAULTS))
                .isInstanceOf(SchedulerException.class)
                .hasMessageContaining("network shared is declared as external, but could not be found")
                .hasMessageContaining("create it first");
        ObservedState present = new ObservedState(List.of(), List.of(new NetworkInfo("shared", Map.of())), List.of(),
                Map.of("busybox", new ImageInfo("sha256:1", "busybox")));
        assertThat(Planner.plan(Projects.load(yaml), present, PlanOptions.DEFAULTS).resources()).isEmpty();
    }

    @Test
    void namedVolumesAreCreatedWithTheirLabels() {
        String yaml = """
                services: {db: {image: busybox, volumes: ['data:/data']}}
                volumes: {data: {}}
                """;
        Plan plan = Planner.plan(Projects.load(yaml), ObservedState.EMPTY, PlanOptions.DEFAULTS);
        assertThat(plan.resources()).extracting(Action::describe).contains("Volume demo_data  create  does not exist yet");
        var v = plan.resources().stream().filter(a -> a instanceof Action.CreateVolume).map(a -> (Action.CreateVolume) a)
                .findFirst().orElseThrow();
        assertThat(v.request().labels()).containsEntry("com.docker.compose.volume", "data");
        ObservedState exists = new ObservedState(List.of(), List.of(), List.of(new VolumeInfo("demo_data",
                Map.of(Labels.PROJECT, "demo"))), Map.of());
        assertThat(Planner.plan(Projects.load(yaml), exists, PlanOptions.DEFAULTS).resources())
                .extracting(Action::describe).doesNotContain("Volume demo_data  create  does not exist yet");
    }

    @Test
    void neverPullingAMissingImageIsAnError() {
        assertThatThrownBy(() -> Planner.plan(Projects.load(STACK), ObservedState.EMPTY,
                PlanOptions.DEFAULTS.withPull(PullPolicy.Kind.NEVER)))
                .hasMessageContaining("image postgres:16 of service db is not present");
    }

    @Test
    void aServiceThatBuildsIsNeverPulledEvenWithPullAlways() {
        String yaml = """
                services:
                  app: {build: ., image: example/app:dev}
                  db: {image: postgres:16}
                """;
        Plan plan = Planner.plan(Projects.load(yaml), ObservedState.EMPTY, PlanOptions.DEFAULTS.withPull(PullPolicy.Kind.ALWAYS));
        assertThat(plan.pulls()).extracting(Action.PullImage::image).containsExactly("postgres:16");
    }

    @Test
    void pullPolicyBuildWithoutABuildSectionIsAnError() {
        String yaml = """
                services:
                  app: {image: example/app:dev, pull_policy: build}
                """;
        assertThatThrownBy(() -> Planner.plan(Projects.load(yaml), ObservedState.EMPTY, PlanOptions.DEFAULTS))
                .hasMessageContaining("has pull_policy: build but no build section");
    }

    @Test
    void theSameProjectNameFromAnotherDirectoryIsACollision() {
        ObservedState other = running(Projects.loadElsewhere(STACK), "running", Map.of());
        assertThatThrownBy(() -> Planner.plan(Projects.load(STACK), other, PlanOptions.DEFAULTS))
                .hasMessageContaining("project demo already runs from");
    }
}
