package io.jcompose.model;

import static io.jcompose.model.ProjectFixture.at;
import static io.jcompose.model.ProjectFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.tree.MapNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
    @TempDir
    Path tmp;

    private ProjectFixture project() {
        return new ProjectFixture(tmp.resolve("My_App"));
    }

    @Test
    void discoversComposeFileAndOverrideWalkingUp() {
        ProjectFixture p = project()
                .file("compose.yaml", "services:\n  web:\n    image: nginx\n")
                .file("compose.override.yaml", "services:\n  web:\n    image: nginx:1.27\n")
                .file("sub/dir/readme.txt", "x");
        LoadedProject loaded = ProjectLoader.load(ProjectOptions.in(p.dir.resolve("sub/dir"), p.env));
        assertThat(loaded.configFiles()).containsExactly(p.dir.resolve("compose.yaml").toString(),
                p.dir.resolve("compose.override.yaml").toString());
        assertThat(loaded.workingDirectory()).isEqualTo(p.dir);
        assertThat(value(loaded.canonical(), "services.web.image")).isEqualTo("nginx:1.27");
        assertThat(loaded.name()).isEqualTo("my_app");
    }

    @Test
    void composeYamlWinsOverDockerComposeYmlWithWarning() {
        ProjectFixture p = project()
                .file("compose.yaml", "services:\n  a:\n    image: one\n")
                .file("docker-compose.yml", "services:\n  b:\n    image: two\n");
        LoadedProject loaded = p.load();
        assertThat(((MapNode) at(loaded.canonical(), "services")).keys()).containsExactly("a");
        assertThat(loaded.warnings()).anyMatch(w -> w.contains("multiple config files"));
    }

    @Test
    void noComposeFileIsAClearError() {
        assertThatThrownBy(() -> project().file("x.txt", "").load())
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("no configuration file provided")
                .hasMessageContaining("-f FILE");
    }

    @Test
    void shellEnvironmentBeatsDotEnvAndDotEnvFeedsInterpolation() {
        ProjectFixture p = project()
                .file(".env", "TAG=from-dotenv\nPORT=8080\nNAME=${TAG}-x\n")
                .file("compose.yaml", """
                        services:
                          web:
                            image: "nginx:${TAG}"
                            ports: ["${PORT}:80"]
                            environment:
                              N: $NAME
                        """)
                .env("TAG", "from-shell");
        LoadedProject loaded = p.load();
        assertThat(value(loaded.canonical(), "services.web.image")).isEqualTo("nginx:from-shell");
        assertThat(value(loaded.canonical(), "services.web.ports[0].published")).isEqualTo("8080");
        // A reference inside .env sees the shell first, as in docker compose.
        assertThat(value(loaded.canonical(), "services.web.environment.N")).isEqualTo("from-shell-x");
        assertThat(loaded.environment()).containsEntry("TAG", "from-shell");
    }

    @Test
    void dotEnvCanSetComposeFileAndProjectName() {
        ProjectFixture p = project()
                .file(".env", "COMPOSE_FILE=base.yaml:extra.yaml\nCOMPOSE_PROJECT_NAME=fromenv\n")
                .file("base.yaml", "services:\n  web:\n    image: a\n")
                .file("extra.yaml", "services:\n  web:\n    image: b\n");
        LoadedProject loaded = p.load();
        assertThat(loaded.name()).isEqualTo("fromenv");
        assertThat(value(loaded.canonical(), "services.web.image")).isEqualTo("b");
    }

    @Test
    void explicitEnvFileReplacesDotEnvAndMissingOneIsAnError() {
        ProjectFixture p = project()
                .file(".env", "TAG=dotenv\n")
                .file("custom.env", "TAG=custom\n")
                .file("compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n");
        LoadedProject loaded = ProjectLoader.load(p.options().withEnvFiles(List.of("custom.env")));
        assertThat(value(loaded.canonical(), "services.web.image")).isEqualTo("nginx:custom");
        assertThatThrownBy(() -> ProjectLoader.load(p.options().withEnvFiles(List.of("missing.env"))))
                .isInstanceOf(ModelException.class).hasMessageContaining("couldn't find env file");
    }

    @Test
    void disableEnvFile() {
        ProjectFixture p = project()
                .file(".env", "TAG=dotenv\n")
                .file("compose.yaml", "services:\n  web:\n    image: nginx:${TAG:-none}\n")
                .env("COMPOSE_DISABLE_ENV_FILE", "true");
        assertThat(value(p.load().canonical(), "services.web.image")).isEqualTo("nginx:none");
    }

    @Test
    void projectNamePrecedence() {
        ProjectFixture p = project().file("compose.yaml", "name: ${PREFIX}Stack\nservices:\n  web:\n    image: a\n")
                .env("PREFIX", "Big");
        assertThat(p.load().name()).isEqualTo("bigstack");
        assertThat(ProjectLoader.load(p.options().withProjectName("cli")).name()).isEqualTo("cli");
        p.env("COMPOSE_PROJECT_NAME", "envname");
        assertThat(p.load().name()).isEqualTo("envname");
        assertThatThrownBy(() -> ProjectLoader.load(p.options().withProjectName("Bad Name")))
                .isInstanceOf(ModelException.class).hasMessageContaining("invalid project name");
    }

    @Test
    void projectNameIsAvailableToInterpolation() {
        ProjectFixture p = project().file("compose.yaml",
                "services:\n  web:\n    image: a\n    labels:\n      p: ${COMPOSE_PROJECT_NAME}\n");
        assertThat(value(p.load().canonical(), "services.web.labels.p")).isEqualTo("my_app");
    }

    @Test
    void stdinFile() {
        ProjectFixture p = project();
        p.file("placeholder", "");
        ProjectOptions o = p.options().withFiles(List.of("-")).withStdin(() ->
                new ByteArrayInputStream("services:\n  web:\n    image: fromstdin\n".getBytes(StandardCharsets.UTF_8)));
        LoadedProject loaded = ProjectLoader.load(o);
        assertThat(value(loaded.canonical(), "services.web.image")).isEqualTo("fromstdin");
    }

    @Test
    void multipleFilesMergeAndRelativePathsUseFirstFilesDirectory() {
        ProjectFixture p = project()
                .file("compose.yaml", "services:\n  web:\n    image: a\n    environment: [A=1, B=2]\n")
                .file("overrides/more.yaml", "services:\n  web:\n    environment:\n      B: '3'\n    env_file: x.env\n")
                .file("x.env", "C=from-file\nB=file-loses\n");
        LoadedProject loaded = p.load(List.of("compose.yaml", "overrides/more.yaml"));
        assertThat(value(loaded.canonical(), "services.web.environment.A")).isEqualTo("1");
        assertThat(value(loaded.canonical(), "services.web.environment.B")).isEqualTo("3");
        // x.env resolves against the first file's directory; its values fold into environment.
        assertThat(value(loaded.canonical(), "services.web.environment.C")).isEqualTo("from-file");
        assertThat(at(loaded.canonical(), "services.web.env_file")).isNull();
    }

    @Test
    void extendsFromAnotherFileResolvesPathsAgainstThatFile() {
        ProjectFixture p = project()
                .file("common/base.yaml", """
                        services:
                          base:
                            image: busybox
                            build: ./app
                            environment: {A: base, B: base}
                        """)
                .file("compose.yaml", """
                        services:
                          web:
                            extends: {file: common/base.yaml, service: base}
                            environment: {B: web}
                        """);
        LoadedProject loaded = p.load();
        assertThat(value(loaded.canonical(), "services.web.image")).isEqualTo("busybox");
        assertThat(value(loaded.canonical(), "services.web.environment.A")).isEqualTo("base");
        assertThat(value(loaded.canonical(), "services.web.environment.B")).isEqualTo("web");
        assertThat(value(loaded.canonical(), "services.web.build.context"))
                .isEqualTo(p.dir.resolve("common/app").toString());
        assertThat(at(loaded.canonical(), "services.web.extends")).isNull();
    }

    @Test
    void extendsCycleNamesTheChain() {
        ProjectFixture p = project().file("compose.yaml", """
                services:
                  a: {image: x, extends: b}
                  b: {image: x, extends: c}
                  c: {image: x, extends: a}
                """);
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("circular reference with extends: a -> b -> c -> a");
    }

    @Test
    void includeLoadsProjectWithItsOwnDirectoryAndEnv() {
        ProjectFixture p = project()
                .file("db/compose.yaml", """
                        services:
                          db:
                            image: postgres:${PG}
                            env_file: db.env
                            environment: {V: $PG}
                            volumes: ["data:/var/lib/postgresql/data"]
                        volumes:
                          data: {}
                        """)
                .file("db/.env", "PG=16\n")
                .file("db/db.env", "FROM_DB_ENV=yes\n")
                .file("compose.yaml", """
                        include:
                          - db/compose.yaml
                        services:
                          web:
                            image: nginx
                            depends_on: [db]
                        """);
        LoadedProject loaded = p.load();
        assertThat(value(loaded.canonical(), "services.db.image")).isEqualTo("postgres:16");
        assertThat(value(loaded.canonical(), "services.db.environment.FROM_DB_ENV")).isEqualTo("yes");
        assertThat(value(loaded.canonical(), "services.db.environment.V")).isEqualTo("16");
        assertThat(value(loaded.canonical(), "volumes.data.name")).isEqualTo("my_app_data");
    }

    @Test
    void includeCycleIsAnError() {
        ProjectFixture p = project()
                .file("compose.yaml", "include: [other.yaml]\nservices:\n  a: {image: x}\n")
                .file("other.yaml", "include: [compose.yaml]\nservices:\n  b: {image: x}\n");
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class).hasMessageContaining("include cycle");
    }

    @Test
    void profilesFilterServicesAndTargetsEnableTheirProfiles() {
        ProjectFixture p = project().file("compose.yaml", """
                services:
                  web: {image: a}
                  debug: {image: b, profiles: [tools]}
                  all: {image: c, profiles: [other]}
                """);
        assertThat(((MapNode) at(p.load().canonical(), "services")).keys()).containsExactly("web");
        assertThat(p.load().allProfiles()).containsExactly("other", "tools");
        assertThat(((MapNode) at(ProjectLoader.load(p.options().withProfiles(List.of("tools"))).canonical(),
                "services")).keys()).containsExactly("web", "debug");
        assertThat(((MapNode) at(ProjectLoader.load(p.options().withProfiles(List.of("*"))).canonical(),
                "services")).keys()).containsExactly("web", "debug", "all");
        assertThat(((MapNode) at(ProjectLoader.load(p.options().withTargetServices(List.of("debug"))).canonical(),
                "services")).keys()).containsExactly("debug");
        p.env("COMPOSE_PROFILES", "other,tools");
        assertThat(((MapNode) at(p.load().canonical(), "services")).keys()).containsExactly("web", "debug", "all");
    }

    @Test
    void dependencyOnDisabledServiceNamesTheProfile() {
        ProjectFixture p = project().file("compose.yaml", """
                services:
                  web: {image: a, depends_on: [db]}
                  db: {image: b, profiles: [backend]}
                """);
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("services.web.depends_on.db")
                .hasMessageContaining("--profile backend");
    }

    @Test
    void dependencyCycleNamesTheWholeCycle() {
        ProjectFixture p = project().file("compose.yaml", """
                services:
                  a: {image: x, depends_on: [b]}
                  b: {image: x, depends_on: [c]}
                  c: {image: x, depends_on: [a]}
                """);
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("dependency cycle detected: a -> b -> c -> a");
    }

    @Test
    void consistencyErrorsCarryPositionAndFix() {
        ProjectFixture p = project().file("compose.yaml", """
                services:
                  web:
                    image: x
                    networks: [front]
                """);
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("compose.yaml:4:")
                .hasMessageContaining("services.web.networks.front")
                .hasMessageContaining("undefined network");
        ProjectFixture q = new ProjectFixture(tmp.resolve("q")).file("compose.yaml", """
                services:
                  web:
                    image: x
                    network_mode: host
                    networks: [front]
                networks:
                  front: {}
                """);
        assertThatThrownBy(q::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("mutually exclusive");
        ProjectFixture r = new ProjectFixture(tmp.resolve("r")).file("compose.yaml", """
                services:
                  web: {image: x}
                networks:
                  outside:
                    external: true
                    driver: bridge
                """);
        assertThatThrownBy(r::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("conflicting parameters \"external\" and \"driver\"");
    }

    @Test
    void requiredVariableErrorShowsTheMessage() {
        ProjectFixture p = project().file("compose.yaml",
                "services:\n  web:\n    image: ${IMAGE:?set IMAGE to the image to run}\n");
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("compose.yaml:3:12")
                .hasMessageContaining("services.web.image")
                .hasMessageContaining("set IMAGE to the image to run");
    }

    @Test
    void unknownKeyIsAnErrorWithSuggestion() {
        ProjectFixture p = project().file("compose.yaml", "services:\n  web:\n    imgae: nginx\n");
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class)
                .hasMessageContaining("compose.yaml:3:5")
                .hasMessageContaining("services.web.imgae")
                .hasMessageContaining("image");
    }

    @Test
    void emptyFileIsAnError() {
        ProjectFixture p = project().file("compose.yaml", "");
        assertThatThrownBy(p::load).isInstanceOf(ModelException.class).hasMessageContaining("empty compose file");
    }

    @Test
    void resourcesNoActiveServiceUsesAreDropped() {
        ProjectFixture p = project().file("compose.yaml", """
                services:
                  web: {image: a, networks: [front], volumes: ["data:/d"]}
                  tool: {image: b, profiles: [tools], networks: [back], volumes: ["cache:/c"]}
                networks: {front: {}, back: {}, unused: {}}
                volumes: {data: {}, cache: {}}
                secrets: {token: {file: ./t}}
                """);
        MapNode canonical = p.load().canonical();
        assertThat(((MapNode) at(canonical, "networks")).keys()).containsExactly("front");
        assertThat(((MapNode) at(canonical, "volumes")).keys()).containsExactly("data");
        assertThat(at(canonical, "secrets")).isNull();
    }

    @Test
    void withoutInterpolationTheMergedModelIsReturnedAsWritten() {
        ProjectFixture p = project().file("compose.yaml",
                "services:\n  web:\n    image: nginx:${TAG}\n    ports: [\"${WEB_PORT:-8080}:80\"]\n");
        LoadedProject loaded = ProjectLoader.load(p.options().withInterpolate(false));
        assertThat(value(loaded.canonical(), "services.web.image")).isEqualTo("nginx:${TAG}");
        assertThat(value(loaded.canonical(), "services.web.ports[0]")).isEqualTo("${WEB_PORT:-8080}:80");
        assertThat(loaded.warnings()).isEmpty();
    }
}
