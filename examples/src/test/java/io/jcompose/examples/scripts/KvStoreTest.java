package io.jcompose.examples.scripts;

import static io.jcompose.examples.scripts.ScriptHost.assertExit;
import static io.jcompose.examples.scripts.ScriptHost.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.examples.scripts.ScriptHost.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key/value server of the kvstore image (the examples' cache, database and queue) and its client. */
class KvStoreTest {
    @TempDir
    Path temp;

    private ScriptHost host;
    private Path data;
    private String addr;

    @BeforeEach
    void startServer() throws IOException {
        host = new ScriptHost(temp);
        data = Files.createDirectory(temp.resolve("data"));
        addr = host.startKvServer(data);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private String kv(String... command) {
        Result r = host.run(List.of(file("kvstore", "usr/local/bin/kv").toString(), String.join(" ", command)),
                Map.of("KV_ADDR", addr));
        return r.out().strip();
    }

    @Test
    void answersEveryCommandOfItsProtocol() {
        List<String[]> conversation = List.of(
                new String[] {"PING", "PONG"},
                new String[] {"GET greeting", "NIL"},
                new String[] {"SET greeting hello  world", "OK"},
                new String[] {"GET greeting", "hello  world"},
                new String[] {"INCR hits", "1"},
                new String[] {"INCR hits", "2"},
                new String[] {"INCR greeting", "ERR greeting is not a number"},
                new String[] {"PUSH jobs a b", "1"},
                new String[] {"PUSH jobs c", "2"},
                new String[] {"LIST jobs", "a b\nc\nEND"},
                new String[] {"POP jobs", "a b"},
                new String[] {"POP jobs", "c"},
                new String[] {"POP jobs", "NIL"},
                new String[] {"LIST empty", "END"},
                new String[] {"DEL greeting", "OK"},
                new String[] {"GET greeting", "NIL"},
                new String[] {"GET ../etc/passwd", "ERR bad key '../etc/passwd'"},
                new String[] {"GET .lock", "ERR bad key '.lock'"},
                new String[] {"FLUSH all", "ERR unknown command 'FLUSH'"});
        for (String[] step : conversation) {
            assertThat(kv(step[0])).as(step[0]).isEqualTo(step[1]);
        }
    }

    @Test
    void clientFailsOnErrorsAndUnreachableServers() {
        Result bad = host.run(List.of(file("kvstore", "usr/local/bin/kv").toString(), "GET", "a/b"), Map.of("KV_ADDR", addr));
        assertExit(bad, 1);
        Result away = host.run(List.of(file("kvstore", "usr/local/bin/kv").toString(), "PING"),
                Map.of("KV_ADDR", "127.0.0.1:" + ScriptHost.freePort()));
        assertExit(away, 1);
        assertThat(away.out()).isEmpty();
    }

    @Test
    void severalClientsPerConnectionAndCarriageReturnsAreFine() {
        Result r = host.run(List.of("-c", "printf 'PING\\r\\nSET k v\\r\\nGET k\\r\\n' | nc 127.0.0.1 " + addr.split(":")[1]),
                Map.of());
        assertThat(r.out()).isEqualTo("PONG\nOK\nv\n");
    }

    @Test
    void concurrentIncrementsAreNotLost() {
        List<CompletableFuture<String>> clients = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> clients.add(CompletableFuture.supplyAsync(() -> kv("INCR", "counter"))));
        List<String> answers = clients.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(answers).doesNotHaveDuplicates().hasSize(20);
        assertThat(kv("GET", "counter")).isEqualTo("20");
    }

    @Test
    void dataOutlivesTheServerAndAStaleLockDoesNotBlockIt() throws IOException {
        kv("SET", "kept", "yes");
        host.close();
        Files.createDirectory(data.resolve(".lock"));
        addr = host.startKvServer(data);
        assertThat(kv("GET", "kept")).isEqualTo("yes");
        assertThat(kv("INCR", "after")).isEqualTo("1");
    }
}
