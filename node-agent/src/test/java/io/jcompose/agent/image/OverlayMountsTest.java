package io.jcompose.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverlayMountsTest {
    @ParameterizedTest
    @CsvSource({"/plain,/plain", "/with\\040space,/with space", "/tab\\011x,/tab\tx", "/back\\134slash,/back\\slash"})
    void mountinfoEscapesAreDecoded(String field, String path) {
        assertThat(OverlayMounts.unescape(field)).isEqualTo(path);
    }
}
