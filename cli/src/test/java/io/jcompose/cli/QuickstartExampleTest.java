package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's quickstart command works on the example it names, with the example's own .env. */
class QuickstartExampleTest {
    // Surefire runs in the module directory.
    static final Path EXAMPLE = Path.of("..", "examples", "quickstart").toAbsolutePath().normalize();

    private static CliRun jcompose(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-f";
        all[1] = EXAMPLE.resolve("compose.yaml").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(CliContext.of(EXAMPLE.getParent(), Map.of("HOME", "/root")), all);
    }

    @Test
    void theQuickstartProjectLoads() {
        assertThat(EXAMPLE.resolve("compose.yaml")).exists();

        CliRun run = jcompose("config");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("name: quickstart\n")
                .contains("image: nginx:1.27-alpine", "image: postgres:16-alpine", "image: redis:7-alpine")
                .contains("POSTGRES_PASSWORD: change-me")
                .contains("published: \"8080\"")
                .contains("condition: service_healthy")
                .contains(EXAMPLE.resolve("nginx.conf").toString());
    }

    @Test
    void itHasTheResourcesTheReadmeDescribes() {
        assertThat(jcompose("config", "--networks").out().lines()).contains("frontend", "backend");
        assertThat(jcompose("config", "--volumes").out().lines()).containsExactly("db-data");
        List<String> services = jcompose("config", "--services").out().lines().toList();
        assertThat(services).containsExactlyInAnyOrder("web", "api", "db", "cache");
        assertThat(services.indexOf("db")).isLessThan(services.indexOf("api"));
        assertThat(services.indexOf("cache")).isLessThan(services.indexOf("api"));
        assertThat(services.indexOf("api")).isLessThan(services.indexOf("web"));
    }

    @Test
    void theBindMountSourcesExist() {
        assertThat(EXAMPLE.resolve("nginx.conf")).isRegularFile();
        assertThat(EXAMPLE.resolve("api/health")).isRegularFile();
        assertThat(Files.isRegularFile(EXAMPLE.resolve(".env"))).isTrue();
    }
}
