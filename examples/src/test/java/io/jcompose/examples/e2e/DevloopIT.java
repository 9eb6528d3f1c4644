package io.jcompose.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/devloop: two services built from Dockerfiles by jcompose's builder. The first {@code up} builds
 * both and the site answers through its published port, reaching the greeter by name; editing one source
 * file of the site makes the next plain {@code up -d} (no {@code --build}) rebuild the site from that file's
 * COPY on and recreate only the site; an unchanged project's {@code up} rebuilds nothing and recreates
 * nothing; {@code --no-build} ignores a change; a failing RUN names its step and leaves the old image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class DevloopIT {
    private static final String PROJECT = "devloop";

    @RegisterExtension
    static final JcomposeHost host = new JcomposeHost("busybox");

    private Stack stack;
    private Map<String, String> firstIds;

    @BeforeAll
    void copyTheExample() {
        Path dir = host.example("devloop", PROJECT);
        stack = Stack.published(host, dir, PROJECT, "SITE_PORT");
    }

    @Test
    @Order(1)
    void theFirstUpBuildsBothImagesAndTheSiteReachesTheGreeterByName() {
        Commands.Result up = host.ok(stack.dir(), stack.env(), "up", "-d");
        assertThat(up.err()).contains("[site ").contains("[greeter ").contains("RUN sed -i");

        assertThat(stack.get("/")).contains("<h1>devloop</h1>");
        assertThat(stack.get("/cgi-bin/greeting")).contains("hello from greeter");
        firstIds = stack.ids();
        assertThat(firstIds).containsOnlyKeys("site", "greeter");
        Commands.Result images = host.ok(stack.dir(), stack.env(), "images", "--format", "json");
        assertThat(images.out()).contains("devloop-site").contains("devloop-greeter");
    }

    @Test
    @Order(2)
    void anUnchangedProjectRebuildsNothingAndRecreatesNothing() {
        Commands.Result up = host.ok(stack.dir(), stack.env(), "up", "-d");
        assertThat(up.err()).contains("CACHED").doesNotContain("Recreate");
        assertThat(stack.ids()).isEqualTo(firstIds);
    }

    @Test
    @Order(3)
    void editingOneSourceFileRebuildsAndRecreatesOnlyThatService() {
        append(stack.dir().resolve("site/www/index.html"), "<p>edited once</p>\n");
        // An ignored file changes nothing.
        append(stack.dir().resolve("site/www/index.html.swp"), "editor state");

        Commands.Result up = host.ok(stack.dir(), stack.env(), "up", "-d");
        // The steps before the COPY of www/ come from the cache; the RUN after it runs again.
        assertThat(up.err()).contains("CACHED").contains("RUN sed -i");

        Map<String, String> ids = stack.ids();
        assertThat(ids.get("greeter")).as("greeter kept").isEqualTo(firstIds.get("greeter"));
        assertThat(ids.get("site")).as("site recreated").isNotEqualTo(firstIds.get("site"));
        assertThat(stack.get("/")).contains("edited once").contains("<h1>devloop</h1>");
        firstIds = ids;
    }

    @Test
    @Order(4)
    void noBuildIgnoresAChangeAndABuildArgumentChangeRebuilds() {
        append(stack.dir().resolve("site/www/index.html"), "<p>edited twice</p>\n");
        host.ok(stack.dir(), stack.env(), "up", "-d", "--no-build");
        assertThat(stack.ids()).isEqualTo(firstIds);
        assertThat(stack.get("/")).doesNotContain("edited twice");

        host.ok(stack.dir(), stack.env("TITLE", "renamed"), "up", "-d");
        assertThat(stack.get("/")).contains("<h1>renamed</h1>").contains("edited twice");
        assertThat(stack.ids().get("greeter")).isEqualTo(firstIds.get("greeter"));
    }

    @Test
    @Order(5)
    void aFailingRunNamesItsStepAndKeepsTheRunningService() {
        Map<String, String> before = stack.ids();
        Path dockerfile = stack.dir().resolve("greeter/Dockerfile");
        String original = read(dockerfile);
        try {
            write(dockerfile, original.replace("RUN chmod 755 /srv/cgi-bin/hello",
                    "RUN chmod 755 /srv/cgi-bin/hello && echo about to fail && exit 3"));
            Commands.Result up = host.jcompose(stack.dir(), stack.env(), "up", "-d");
            assertThat(up.exit()).as(up.describe()).isNotZero();
            assertThat(up.err()).contains("exit 3").contains("about to fail").contains("exit code 3");
            assertThat(stack.ids()).isEqualTo(before);
        } finally {
            write(dockerfile, original);
        }
        assertThat(stack.get("/cgi-bin/greeting")).contains("hello from greeter");
    }

    @Test
    @Order(6)
    void downRemovesEverythingOfTheProject() {
        host.ok(stack.dir(), stack.env(), "down", "-v");
        stack.assertNothingLeft();
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
