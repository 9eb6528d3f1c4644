package io.jcompose.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.image.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainIdTest {
    @Test
    void followsTheOciDefinition() {
        Digest a = Digest.sha256("a".getBytes());
        Digest b = Digest.sha256("b".getBytes());
        Digest c = Digest.sha256("c".getBytes());
        Digest ab = Digest.sha256((a + " " + b).getBytes(StandardCharsets.US_ASCII));
        Digest abc = Digest.sha256((ab + " " + c).getBytes(StandardCharsets.US_ASCII));
        assertThat(ChainId.of(List.of(a, b, c))).containsExactly(a, ab, abc);
        assertThat(ChainId.of(List.of(b, c)).get(1)).isNotEqualTo(abc);
        assertThat(ChainId.of(List.of())).isEmpty();
    }
}
