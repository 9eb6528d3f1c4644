package io.jcompose.network.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.NetworkException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @Test
    void parsesPrintsAndDerives() {
        assertThat(MacAddress.parse("02:42:AC:11:00:02").toString()).isEqualTo("02:42:ac:11:00:02");
        assertThat(MacAddress.parse("02-42-ac-11-00-02")).isEqualTo(MacAddress.parse("02:42:ac:11:00:02"));
        assertThat(MacAddress.fromIpv4(IpAddress.parse("172.17.0.2")).toString()).isEqualTo("02:42:ac:11:00:02");
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            long v = MacAddress.random(random).value();
            assertThat((v >>> 40) & 0x3).as("locally administered unicast").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"02:42:ac:11:00", "02:42:ac:11:00:0g", "0242ac110002", "01:00:5e:00:00:01", "2:42:ac:11:0:2"})
    void rejectsMalformedOrMulticast(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(NetworkException.class);
    }
}
