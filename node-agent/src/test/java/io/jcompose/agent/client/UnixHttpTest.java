package io.jcompose.agent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.daemon.AgentConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UnixHttpTest {
    @Test
    void chunkedBodiesAreDecodedAcrossChunkBoundaries() throws IOException {
        String wire = "5\r\nhello\r\n7;ext=1\r\n, world\r\n1\r\n\n\r\n0\r\n\r\n";
        var in = new UnixHttp.ChunkedInput(new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII)));

        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello, world\n");
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aTruncatedChunkIsAnError() {
        var in = new UnixHttp.ChunkedInput(new ByteArrayInputStream("a\r\nshort".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
    }

    @Test
    void boundedBodiesStopAtTheirLength() throws IOException {
        var in = new UnixHttp.BoundedInput(new ByteArrayInputStream("{}EXTRA".getBytes(StandardCharsets.US_ASCII)), 2);

        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("{}");
    }

    @Test
    void readinessWatchesTheFilesTheDaemonWrites() {
        AgentConfig config = AgentConfig.defaults();
        assertThat(config.readyFile().getFileName().toString()).isEqualTo(AgentReadiness.READY_FILE);
        assertThat(config.socket().getFileName().toString()).isEqualTo(AgentReadiness.SOCKET_FILE);
        assertThat(config.socket()).isEqualTo(AgentClient.DEFAULT_SOCKET);
    }

    @Test
    void aMissingAgentIsUnavailableWithAHint() {
        assertThatThrownBy(() -> new AgentClient(Path.of("/nonexistent/jcompose.sock")).version())
                .isInstanceOfSatisfying(io.jcompose.agent.error.AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(io.jcompose.agent.error.ErrorKind.UNAVAILABLE);
                    assertThat(e.fix()).contains("jcompose agent");
                });
    }
}
