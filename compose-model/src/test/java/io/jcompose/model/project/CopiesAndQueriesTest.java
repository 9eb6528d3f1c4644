package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.LoadedProject;
import io.jcompose.model.ModelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** withX copies leave the original alone; derived queries answer what the scheduler asks. */
class CopiesAndQueriesTest {
    private static final String YAML = """
            name: shop
            services:
              web:
                image: nginx:1.27
                depends_on:
                  api: {condition: service_healthy, required: true}
                environment: {MODE: prod}
                labels: {tier: front}
                deploy: {replicas: 2}
              api:
                image: shop/api:1
                depends_on:
                  db: {condition: service_started, required: true}
              db:
                image: postgres:17
              worker:
                image: shop/api:1
                depends_on:
                  db: {condition: service_started, required: true}
              builder:
                build: {context: ./tools}
            """;

    private final Project project = ProjectBinder.bind(YamlTrees.parse(YAML));

    @Test
    void serviceCopiesChangeOnlyTheCopy() {
        Service web = project.service("web");
        Service changed = web.withImage("nginx:1.28")
                .withEnvironment(Map.of("MODE", "dev"))
                .withLabels(Map.of())
                .withCommand(List.of("nginx", "-g", "daemon off;"))
                .withStopGracePeriod(Duration.ofSeconds(3))
                .withNetworks(Map.of("back", ServiceNetwork.DEFAULTS.withAliases(List.of("www"))));

        assertThat(web.image()).isEqualTo("nginx:1.27");
        assertThat(web.environment()).containsExactlyEntriesOf(Map.of("MODE", "prod"));
        assertThat(web.labels()).containsExactlyEntriesOf(Map.of("tier", "front"));
        assertThat(web.command()).isNull();
        assertThat(web.stopGracePeriod()).isNull();
        assertThat(web.networks()).isEmpty();

        assertThat(changed.image()).isEqualTo("nginx:1.28");
        assertThat(changed.environment()).containsExactlyEntriesOf(Map.of("MODE", "dev"));
        assertThat(changed.labels()).isEmpty();
        assertThat(changed.command()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(changed.stopGracePeriod()).isEqualTo(Duration.ofSeconds(3));
        assertThat(changed.networks().get("back").aliases()).containsExactly("www");
        assertThat(changed.dependsOn()).isEqualTo(web.dependsOn());
        assertThat(changed.toBuilder().build()).isEqualTo(changed);
    }

    @Test
    void withScaleKeepsScaleAndDeployReplicasInAgreement() {
        Service web = project.service("web");
        Service scaled = web.withScale(5);
        assertThat(web.replicas()).isEqualTo(2);
        assertThat(web.scale()).isNull();
        assertThat(scaled.scale()).isEqualTo(5);
        assertThat(scaled.deploy().replicas()).isEqualTo(5);
        assertThat(scaled.replicas()).isEqualTo(5);
        assertThat(project.service("db").withScale(0).deploy()).as("no deploy section is invented").isNull();
        assertThatThrownBy(() -> web.withScale(-1)).isInstanceOf(ModelException.class)
                .hasMessage("cannot scale web to -1 — use 0 or more replicas");
    }

    @Test
    void recordsCopyTheCollectionsTheyAreGiven() {
        List<String> command = new ArrayList<>(List.of("a"));
        Map<String, String> env = new HashMap<>();
        env.put("UNSET", null);
        Service s = Service.builder(ServiceName.of("x")).command(command).environment(env).build();
        command.add("b");
        env.put("LATE", "1");
        assertThat(s.command()).containsExactly("a");
        assertThat(s.environment()).containsOnlyKeys("UNSET").containsEntry("UNSET", null);
        assertThatThrownBy(() -> s.environment().put("X", "1")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.ports()).isEmpty();
        assertThat(s.command()).isNotNull();
        assertThat(Service.builder(ServiceName.of("y")).build().command()).isNull();
    }

    @Test
    void projectCopiesChangeOnlyTheCopy() {
        Service db = project.service("db").withImage("postgres:18");
        Project next = project.withService(db).withoutService("builder").withName("shop2");
        assertThat(project.service("db").image()).isEqualTo("postgres:17");
        assertThat(project.serviceNames()).containsExactly("web", "api", "db", "worker", "builder");
        assertThat(project.name()).isEqualTo("shop");
        assertThat(next.service("db").image()).isEqualTo("postgres:18");
        assertThat(next.serviceNames()).as("replaced in place").containsExactly("web", "api", "db", "worker");
        assertThat(next.name()).isEqualTo("shop2");
        assertThat(project.withoutService("nope")).isSameAs(project);
    }

    @Test
    void bindingALoadedProjectKeepsItsWorkingDirectory() {
        LoadedProject loaded = new LoadedProject("shop", Path.of("/srv/shop"), List.of("/srv/shop/compose.yaml"),
                YamlTrees.parse(YAML), Map.of(), new TreeSet<>(), List.of());
        Project bound = ProjectBinder.bind(loaded);
        assertThat(bound.workingDir()).isEqualTo(Path.of("/srv/shop"));
        assertThat(bound.services()).isEqualTo(project.services());
    }

    @Test
    void projectRejectsAServiceUnderAnotherKey() {
        Map<String, Service> services = new LinkedHashMap<>();
        services.put("a", Service.builder(ServiceName.of("b")).build());
        assertThatThrownBy(() -> project.withServices(services)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queries() {
        assertThat(project.dependencies("web")).containsExactly("api");
        assertThat(project.dependents("db")).containsExactly("api", "worker");
        assertThat(project.images()).as("distinct, in service order; build-only services have none")
                .containsExactly("nginx:1.27", "shop/api:1", "postgres:17");
        assertThat(project.findService("nope")).isEmpty();
        assertThat(project.service(ServiceName.of("api")).image()).isEqualTo("shop/api:1");
        assertThatThrownBy(() -> project.service("nope")).isInstanceOf(ModelException.class)
                .hasMessage("no such service: nope — known services: web, api, db, worker, builder");
        assertThat(project.service("db").replicas()).isEqualTo(1);
    }

    static Stream<Arguments> restarts() {
        return Stream.of(
                Arguments.of("{}", "no"),
                Arguments.of("{restart: unless-stopped}", "unless-stopped"),
                Arguments.of("{restart: always, deploy: {restart_policy: {condition: none}}}", "no"),
                Arguments.of("{restart: no, deploy: {restart_policy: {condition: any}}}", "always"),
                Arguments.of("{deploy: {restart_policy: {condition: on-failure, max_attempts: 4}}}", "on-failure:4"),
                Arguments.of("{deploy: {restart_policy: {condition: on-failure}}}", "on-failure"),
                Arguments.of("{restart: always, deploy: {restart_policy: {delay: 5s}}}", "no"),
                Arguments.of("{restart: always, deploy: {replicas: 2}}", "always"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("restarts")
    void effectiveRestartFollowsDockerCompose(String service, String expected) {
        Project p = ProjectBinder.bind(YamlTrees.parse("name: p\nservices:\n  s: " + service + "\n"));
        assertThat(p.service("s").effectiveRestart().wire()).isEqualTo(expected);
    }
}
