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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CGI programs of the quickstart and notes images, run as busybox httpd runs them (environment in,
 * answer out), and the whole chain front httpd → http-forward → back httpd → kv-server on 127.0.0.1.
 */
class HttpScriptsTest {
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

    private Result cgi(String layer, String script, Map<String, String> env, String body) {
        Map<String, String> all = new HashMap<>(Map.of("REQUEST_METHOD", "GET", "KV_ADDR", kvAddr));
        all.putAll(env);
        return host.run(List.of(file(layer, script).toString()), all, body);
    }

    private Result wget(String url, String... options) {
        StringBuilder cmd = new StringBuilder("wget -q -O -");
        for (String o : options) cmd.append(' ').append(o);
        return host.run(List.of("-c", cmd + " " + url), Map.of());
    }

    @Test
    void hitsCountsVisitsInTheCacheAndEscapesItsJson() {
        Map<String, String> env = Map.of("GREETING", "say \"hi\" \\o/");
        Result first = cgi("quickstart-api", "srv/api/cgi-bin/hits", env, "");
        Result second = cgi("quickstart-api", "srv/api/cgi-bin/hits", env, "");
        assertExit(second, 0);
        assertThat(first.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(first.out()).contains("Content-Type: application/json\r\n");
        assertThat(first.body()).startsWith("{\"message\":\"say \\\"hi\\\" \\\\o/\",\"hits\":1,\"served_by\":\"");
        assertThat(second.body()).contains("\"hits\":2,");
    }

    @Test
    void hitsAndHealthAnswer503WithoutTheCache() {
        Map<String, String> away = Map.of("KV_ADDR", "127.0.0.1:" + ScriptHost.freePort());
        assertThat(cgi("quickstart-api", "srv/api/cgi-bin/hits", away, "").statusLine())
                .isEqualTo("HTTP/1.1 503 Service Unavailable");
        assertThat(cgi("quickstart-api", "srv/api/cgi-bin/health", away, "").statusLine())
                .isEqualTo("HTTP/1.1 503 Service Unavailable");
        assertThat(cgi("quickstart-api", "srv/api/cgi-bin/health", Map.of(), "").body()).isEqualTo("{\"status\":\"ok\"}\n");
    }

    @Test
    void quickstartWebServesThePageAndForwardsToTheApi() {
        String api = host.startHttpd(ScriptHost.LAYERS.resolve("quickstart-api/srv/api"), Map.of("KV_ADDR", kvAddr));
        String web = host.startHttpd(ScriptHost.LAYERS.resolve("quickstart-web/srv/www"), Map.of("API_URL", api));

        assertThat(wget(web + "/").out()).contains("<h1>jcompose quickstart</h1>");
        Result hits = wget(web + "/cgi-bin/api/hits");
        assertExit(hits, 0);
        assertThat(hits.out()).startsWith("{\"message\":\"hello\",\"hits\":1,");
        assertThat(wget(web + "/cgi-bin/api/hits").out()).contains("\"hits\":2,");
        assertExit(host.run(List.of("-c", "wget -q -O /dev/null " + api + "/cgi-bin/health"), Map.of()), 0);
    }

    @Test
    void forwardRefusesOddPathsAndReportsAnUnreachableBackend() {
        Result odd = cgi("quickstart-web", "srv/www/cgi-bin/api", Map.of("PATH_INFO", "/../x", "API_URL", "http://127.0.0.1:1"), "");
        assertThat(odd.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        Result query = cgi("quickstart-web", "srv/www/cgi-bin/api",
                Map.of("PATH_INFO", "/hits", "QUERY_STRING", "a=1 -O /x", "API_URL", "http://127.0.0.1:1"), "");
        assertThat(query.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        Result down = cgi("quickstart-web", "srv/www/cgi-bin/api",
                Map.of("PATH_INFO", "/hits", "API_URL", "http://127.0.0.1:" + ScriptHost.freePort()), "");
        assertThat(down.statusLine()).isEqualTo("HTTP/1.1 502 Bad Gateway");
        assertThat(down.body()).startsWith("{\"error\":\"").contains("refused");
    }

    @Test
    void notesStoresPostedNotesAndListsThemThroughTheProxy() {
        String app = host.startHttpd(ScriptHost.LAYERS.resolve("notes-app/srv/notes"), Map.of("KV_ADDR", kvAddr));
        String proxy = host.startHttpd(ScriptHost.LAYERS.resolve("notes-proxy/srv/www"), Map.of("APP_URL", app));

        assertThat(wget(proxy + "/cgi-bin/app/notes").out()).isEqualTo("[]\n");
        Result posted = wget(proxy + "/cgi-bin/app/notes", "--header 'Content-Type: text/plain'",
                "--post-data 'buy \"milk\"'");
        assertExit(posted, 0);
        assertThat(posted.out()).isEqualTo("{\"count\":1}\n");
        wget(proxy + "/cgi-bin/app/notes", "--post-data 'call\nBob'");
        assertThat(wget(proxy + "/cgi-bin/app/notes").out()).isEqualTo("[\"buy \\\"milk\\\"\",\"call Bob\"]\n");
        assertThat(wget(proxy + "/").out()).contains("<h1>Notes</h1>");
    }

    @Test
    void notesRejectsEmptyNotesAndOtherMethods() {
        Result empty = cgi("notes-app", "srv/notes/cgi-bin/notes",
                Map.of("REQUEST_METHOD", "POST", "CONTENT_LENGTH", "3"), " \n ");
        assertThat(empty.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        Result delete = cgi("notes-app", "srv/notes/cgi-bin/notes", Map.of("REQUEST_METHOD", "DELETE"), "");
        assertThat(delete.statusLine()).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        Result created = cgi("notes-app", "srv/notes/cgi-bin/notes",
                Map.of("REQUEST_METHOD", "POST", "CONTENT_LENGTH", "5"), "hello, and more");
        assertThat(created.statusLine()).isEqualTo("HTTP/1.1 201 Created");
        assertThat(cgi("notes-app", "srv/notes/cgi-bin/notes", Map.of(), "").body()).isEqualTo("[\"hello\"]\n");
    }
}
