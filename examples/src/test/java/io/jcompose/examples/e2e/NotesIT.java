package io.jcompose.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerView;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/notes, the shape of most web deployments: a reverse proxy in front of an application in front of
 * a database, each health-gated on the next, the database on an internal network and a named volume.
 * What a user does with it: add and read notes through the proxy, restart the database (the application,
 * {@code depends_on: {restart: true}}, restarts with it), and take it down and up again without losing a note.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class NotesIT {
    private static final String PROJECT = "notes";
    private static final String NOTES = "/cgi-bin/app/notes";

    @RegisterExtension
    static final JcomposeHost host = new JcomposeHost("notes-proxy", "notes-app", "kvstore");

    private Stack stack;

    @BeforeAll
    void copyTheExample() {
        Path dir = host.example("notes", PROJECT);
        stack = Stack.published(host, dir, PROJECT, "NOTES_PORT");
    }

    @Test
    @Order(1)
    void aNoteGoesThroughTheProxyAndTheApplicationIntoTheDatabaseAndBack() {
        host.ok(stack.dir(), stack.env(), "up", "-d");

        assertThat(stack.ps()).allSatisfy(r -> assertThat(r.get("State")).isEqualTo("running"))
                .extracting(r -> r.get("Service")).containsExactlyInAnyOrder("proxy", "app", "db");
        assertThat(stack.get(NOTES)).as("the database starts empty").isEqualTo("[]\n");
        assertThat(stack.post(NOTES, "buy milk")).contains("\"count\":1");
        assertThat(stack.get(NOTES)).isEqualTo("[\"buy milk\"]\n");
    }

    @Test
    @Order(2)
    void restartingTheDatabaseRestartsTheApplicationThatAskedForIt() {
        ContainerView appBefore = host.agent().inspect(PROJECT + "-app-1");

        host.ok(stack.dir(), stack.env(), "restart", "db");

        ContainerView db = host.agent().inspect(PROJECT + "-db-1");
        ContainerView app = host.agent().inspect(PROJECT + "-app-1");
        ContainerView proxy = host.agent().inspect(PROJECT + "-proxy-1");
        assertThat(app.id()).as("restarted, not recreated").isEqualTo(appBefore.id());
        assertThat(Instant.parse(app.startedAt())).as("app restarted after db").isAfter(Instant.parse(db.startedAt()));
        assertThat(Instant.parse(proxy.startedAt())).as("proxy did not ask to follow app")
                .isBefore(Instant.parse(db.startedAt()));
        assertThat(stack.get(NOTES)).as("the notes are still served").contains("buy milk");
    }

    @Test
    @Order(3)
    void theNotesSurviveDownAndUpButNotDownWithVolumes() {
        host.ok(stack.dir(), stack.env(), "down");
        host.ok(stack.dir(), stack.env(), "up", "-d");
        assertThat(stack.get(NOTES)).isEqualTo("[\"buy milk\"]\n");

        host.ok(stack.dir(), stack.env(), "down", "-v");
        stack.assertNothingLeft();

        host.ok(stack.dir(), stack.env(), "up", "-d");
        assertThat(stack.get(NOTES)).isEqualTo("[]\n");
    }
}
