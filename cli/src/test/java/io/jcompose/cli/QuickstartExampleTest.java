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
                .contains("image: jcompose.local/quickstart-web:1", "image: jcompose.local/quickstart-api:1",
                        "image: jcompose.local/kvstore:1")
                .contains("KV_ADDR: cache:6379")
                .contains("published: \"8080\"")
                .contains("condition: service_healthy");
    }

    @Test
    void itHasTheResourcesTheReadmeDescribes() {
        assertThat(jcompose("config", "--networks").out().lines()).contains("frontend", "backend");
        assertThat(jcompose("config", "--volumes").out().lines()).containsExactly("cache-data");
        List<String> services = jcompose("config", "--services").out().lines().toList();
        assertThat(services).containsExactlyInAnyOrder("web", "api", "cache");
        assertThat(services.indexOf("cache")).isLessThan(services.indexOf("api"));
        assertThat(services.indexOf("api")).isLessThan(services.indexOf("web"));
    }

    @Test
    void itsImagesAreTheOnesTheExamplesBuild() {
        for (String image : List.of("quickstart-web", "quickstart-api", "kvstore")) {
            assertThat(EXAMPLE.getParent().resolve("images/" + image + ".conf")).isRegularFile();
        }
        assertThat(Files.isRegularFile(EXAMPLE.resolve(".env"))).isTrue();
    }
}
