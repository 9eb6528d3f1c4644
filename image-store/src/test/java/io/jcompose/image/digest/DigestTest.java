package io.jcompose.image.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTest {
    @Test
    void hashesContent() {
        assertThat(Digest.sha256("hello".getBytes(StandardCharsets.UTF_8)).toString())
                .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982 | invalid sha256 digest length
            sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824 | not a lowercase hex digit
            md5:d41d8cd98f00b204e9800998ecf8427e                                     | unsupported digest algorithm
            2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824         | no algorithm
            sha256:                                                                  | invalid sha256 digest length
            """)
    void rejectsMalformedDigests(String text, String reason) {
        assertThatThrownBy(() -> Digest.parse(text)).isInstanceOf(ImageException.class).hasMessageContaining(reason);
        assertThat(Digest.isDigest(text)).isFalse();
    }

    @Test
    void acceptsLongerAlgorithms() {
        Digest d = Digest.parse("sha512:" + "a".repeat(128));
        assertThat(d.algorithm()).isEqualTo("sha512");
        assertThat(Digest.isDigest(d.toString())).isTrue();
    }
}
