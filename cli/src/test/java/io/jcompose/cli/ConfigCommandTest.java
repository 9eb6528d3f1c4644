package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigCommandTest {
    static final String PROJECT = """
            name: shop
            services:
              web:
                image: nginx:1.27
                ports:
                  - "8080:80"
                depends_on:
                  api:
                    condition: service_healthy
                networks: [front]
              api:
                build: ./api
                environment:
                  DB_PASSWORD: ${DB_PASSWORD:-secret}
                  PRICE: "$$5"
                depends_on: [db]
                networks: [front, back]
                profiles: [app]
              db:
                image: postgres:16
                volumes:
                  - db-data:/var/lib/postgresql/data
                networks: [back]
                healthcheck:
                  test: ["CMD", "pg_isready"]
              debug:
                image: busybox
                profiles: [tools]
                networks: [back]
            volumes:
              db-data:
            networks:
              front:
              back:
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeProject() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), PROJECT);
    }

    private CliRun run(String... args) {
        return CliRun.run(CliContext.of(dir, Map.of("HOME", dir.toString(), "COMPOSE_PROFILES", "app")), args);
    }

    @Test
    void printsTheCanonicalProjectAsYaml() {
        CliRun run = run("config");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("name: shop\n")
                .contains("services:", "  web:", "image: nginx:1.27", "published: \"8080\"", "target: 80",
                        "condition: service_healthy", "DB_PASSWORD: secret",
                        "source: db-data", "target: /var/lib/postgresql/data", "volumes:", "networks:")
                .contains(dir.resolve("api").toString());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonIsTheSameProject() {
        CliRun run = run("config", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{").contains("\"name\": \"shop\"", "\"image\": \"nginx:1.27\"");
    }

    @Test
    void aLiteralDollarIsWrittenEscapedSoTheOutputLoadsBack() {
        assertThat(run("config").out()).contains("PRICE: $$5");
    }

    @Test
    void withoutInterpolationReferencesStayAsWritten() {
        CliRun run = run("config", "--no-interpolate");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("DB_PASSWORD: ${DB_PASSWORD:-secret}").contains("PRICE: $$5");
    }

    @Test
    void withoutPathResolutionTheBuildContextStaysRelative() {
        CliRun run = run("config", "--no-path-resolution");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain(dir.resolve("api").toString());
    }

    @Test
    void namedServicesKeepOnlyThemAndTheirDependencies() {
        CliRun run = run("config", "--format", "json", "db");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"db\"").doesNotContain("\"web\":").doesNotContain("nginx");
    }

    @Test
    void servicesAreListedWithDependenciesFirst() {
        CliRun run = run("config", "--services");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("db", "api", "web");
    }

    @Test
    void aNamedProfileEnablesItsServices() {
        CliRun run = run("--profile", "tools", "--profile", "app", "config", "--services");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains("debug", "api");
    }

    @Test
    void aNamedProfileReplacesComposeProfiles() {
        CliRun run = run("--profile", "tools", "config", "--services");

        // COMPOSE_PROFILES=app no longer applies, and web needs api, which only profile app enables.
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("api").contains("app");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --volumes  | db-data
            --networks | front,back
            --profiles | app,tools
            --images   | nginx:1.27,shop-api,postgres:16
            """)
    void listsOnePerLine(String option, String expected) {
        CliRun run = run("config", option);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactlyInAnyOrder(expected.split(","));
    }

    @Test
    void hashesAreSortedByServiceAndStable() {
        CliRun all = run("config", "--hash", "*");
        CliRun two = run("config", "--hash", "web,db");

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines()).hasSize(3)
                .allMatch(line -> line.matches("[a-z]+ [0-9a-f]{64}"))
                .extracting(line -> line.split(" ")[0]).containsExactly("api", "db", "web");
        assertThat(two.out().lines()).extracting(line -> line.split(" ")[0]).containsExactly("db", "web");
        assertThat(two.out().lines()).isSubsetOf(all.out().lines().toList());
    }

    @Test
    void theHashFollowsTheServiceConfiguration() throws IOException {
        String before = run("config", "--hash", "web").out();
        Files.writeString(dir.resolve("compose.yaml"), PROJECT.replace("nginx:1.27", "nginx:1.28"));
        String after = run("config", "--hash", "web").out();

        assertThat(after).startsWith("web ").isNotEqualTo(before);
    }

    @Test
    void hashingAnUnknownServiceFails() {
        CliRun run = run("config", "--hash", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no such service: nope");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void variablesAreATableLikeDockerComposes() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: ${REGISTRY:?set a registry}/app:${TAG:-latest}
                    environment:
                      MODE: ${DEBUG:+verbose}
                """);

        CliRun run = run("config", "--variables");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE
                DEBUG               false                                   verbose
                REGISTRY            true                                    \n\
                TAG                 false               latest              \n\
                """);
    }

    @Test
    void environmentIsPrintedAsSortedAssignments() throws IOException {
        Files.writeString(dir.resolve(".env"), "ZETA=last\nALPHA=first\n");

        CliRun run = run("config", "--environment");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains("ALPHA=first", "ZETA=last", "HOME=" + dir);
        assertThat(run.out().lines().toList()).isSorted();
    }

    @Test
    void outputGoesToTheFileNamedByDashO() throws IOException {
        CliRun toStdout = run("config");
        CliRun toFile = run("config", "-o", "resolved.yaml");

        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(dir.resolve("resolved.yaml"))).isEqualTo(toStdout.out());
    }

    @Test
    void dashOAlsoTakesTheLists() throws IOException {
        CliRun run = run("config", "--services", "-o", "services.txt");

        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("services.txt"))).containsExactly("db", "api", "web");
    }

    @Test
    void anUnwritableOutputFileIsAFailureWithAPlainMessage() {
        CliRun run = run("config", "-o", "missing-dir/x.yaml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot write").contains("missing-dir").doesNotContain("Exception");
    }

    @Test
    void quietPrintsNothingAndWritesNothing() {
        CliRun run = run("config", "-q", "-o", "never.yaml");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("never.yaml")).doesNotExist();
    }

    @Test
    void aBrokenProjectExitsWithOneAndSaysWhereWithoutAStackTrace() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx
                    depends_on: [nowhere]
                """);

        CliRun run = run("config");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("nowhere").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void quietStillFailsOnABrokenProject() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: [\n");

        CliRun run = run("config", "-q");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("compose.yaml:");
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: [\n");

        CliRun run = run("--debug", "config");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("compose.yaml:").contains("ModelException").contains("\tat ");
    }

    @Test
    void aMissingComposeFileIsAProjectError() {
        CliRun run = run("-f", "missing.yaml", "config");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("missing.yaml").doesNotContain("\tat ");
    }

    @Test
    void loadWarningsGoToStderrWithAPrefix() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:${UNSET_TAG}\n");

        CliRun run = run("config");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).isNotEmpty().allMatch(line -> line.startsWith("warning: "));
        assertThat(run.err()).contains("UNSET_TAG");
        assertThat(run.out()).doesNotContain("warning");
    }

    @Test
    void globalFileAndProjectNameOptionsReachTheLoader() throws IOException {
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(other.resolve("stack.yaml"), "services:\n  solo:\n    image: busybox\n");

        CliRun run = run("-f", "elsewhere/stack.yaml", "-p", "custom", "config", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"name\": \"custom\"", "\"solo\"").doesNotContain("nginx");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            config --services --volumes      | mutually exclusive                             | Usage: jcompose config
            config --format xml              | Invalid value for option '--format'            | Usage: jcompose config
            config --hash                    | Missing required parameter for option '--hash' | Usage: jcompose config
            config --no-such-flag            | Unknown option: '--no-such-flag'               | Possible solutions: --no-interpolate
            """)
    void badConfigCommandLinesAreUsageErrors(String args, String message, String help) {
        CliRun run = run(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message).contains(help);
        assertThat(run.out()).isEmpty();
    }
}
