package io.jcompose.examples.scripts;

import static io.jcompose.examples.scripts.ScriptHost.assertExit;
import static io.jcompose.examples.scripts.ScriptHost.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.examples.scripts.ScriptHost.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs example's migrate, producer and worker against a real kv-server, and the images' serve wrapper. */
class JobScriptsTest {
    @TempDir
    Path temp;

    private ScriptHost host;
    private String kvAddr;

    @BeforeEach
    void start() throws IOException {
        host = new ScriptHost(temp);
        kvAddr = host.startKvServer(Files.createDirectory(temp.resolve("data")));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private Result job(String program, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("KV_ADDR", kvAddr));
        all.putAll(env);
        return host.run(List.of(file("jobs", "usr/local/bin/" + program).toString()), all);
    }

    private String kv(String command) {
        return host.run(List.of(file("kvstore", "usr/local/bin/kv").toString(), command), Map.of("KV_ADDR", kvAddr)).out().strip();
    }

    @Test
    void migrateStepsToTheTargetSchemaOnceAndThenChangesNothing() {
        Result first = job("migrate", Map.of());
        assertExit(first, 0);
        assertThat(first.out()).isEqualTo("migrate: schema 0 -> 1\nmigrate: schema 1 -> 2\nmigrate: schema 2 is current\n");
        assertThat(kv("GET schema")).isEqualTo("2");
        assertThat(kv("GET retention")).isEqualTo("1000");
        kv("SET processed 7");
        Result again = job("migrate", Map.of());
        assertExit(again, 0);
        assertThat(again.out()).isEqualTo("migrate: schema 2 is current\n");
        assertThat(kv("GET processed")).isEqualTo("7");
        assertExit(job("migrate", Map.of("SCHEMA_VERSION", "3")), 1);
    }

    @Test
    void migrateFailsWhenTheQueueIsAway() {
        Result r = job("migrate", Map.of("KV_ADDR", "127.0.0.1:" + ScriptHost.freePort()));
        assertExit(r, 1);
        assertThat(r.err()).contains("does not answer");
    }

    @Test
    void workerRefusesAQueueThatIsNotMigrated() {
        Result r = job("worker", Map.of("ONCE", "1"));
        assertExit(r, 1);
        assertThat(r.err()).contains("run migrate");
    }

    @Test
    void producerQueuesJobsAndWorkerProcessesThemAll() {
        assertExit(job("migrate", Map.of()), 0);
        Result produced = job("producer", Map.of("JOBS", "3", "INTERVAL", "0", "CRASH_EVERY", "0"));
        assertExit(produced, 0);
        assertThat(produced.out()).contains("queued job-1 (1 waiting)", "queued job-3 (3 waiting)");
        Result worked = job("worker", Map.of("ONCE", "1"));
        assertExit(worked, 0);
        assertThat(kv("GET processed")).isEqualTo("3");
        assertThat(kv("LIST done").lines().toList()).hasSize(4).last().isEqualTo("END");
        assertThat(kv("LIST done")).startsWith("job-1 ");
        assertThat(kv("LIST jobs")).isEqualTo("END");
    }

    @Test
    void workerExitsWithStatus2OnACrashJob() {
        assertExit(job("migrate", Map.of()), 0);
        assertExit(job("producer", Map.of("JOBS", "2", "INTERVAL", "0", "CRASH_EVERY", "2")), 0);
        Result worked = job("worker", Map.of("ONCE", "1"));
        assertExit(worked, 2);
        assertThat(worked.err()).contains("job 'crash'");
        assertThat(kv("GET processed")).isEqualTo("1");
    }

    @Test
    void serveStopsItsServerOnSigtermAndExitsZero() throws InterruptedException {
        Process serve = host.start(List.of(file("serve", "usr/local/bin/serve").toString(), "sleep", "300"), Map.of());
        List<ProcessHandle> children = List.of();
        for (int i = 0; i < 1500 && children.isEmpty(); i++) {
            Thread.sleep(20);
            children = serve.children().toList();
        }
        assertThat(children).isNotEmpty();
        serve.destroy();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void servePassesOnTheServersExitCode() {
        Result r = host.run(List.of(file("serve", "usr/local/bin/serve").toString(), "sh", "-c", "exit 3"), Map.of());
        assertExit(r, 3);
    }
}
