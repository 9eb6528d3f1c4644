package io.jcompose.network.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.NetworkException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"jc", "jt1a2b3c", "a", "abcdefghi"})
    void namesAreFifteenCharactersStableAndDistinct(String prefix) {
        InterfaceNames names = new InterfaceNames(prefix);
        String bridge = names.bridge("net-id", n -> false);
        String veth = names.veth("container", "net-id", n -> false);
        assertThat(bridge).hasSize(15).startsWith(prefix + "b").matches("[a-z0-9]+");
        assertThat(veth).hasSize(15).startsWith(prefix + "v");
        assertThat(names.bridge("net-id", n -> false)).isEqualTo(bridge);
        assertThat(names.veth("container", "other-net", n -> false)).isNotEqualTo(veth);
        assertThat(names.isOurs(bridge)).isTrue();
        assertThat(names.isBridge(bridge)).isTrue();
        assertThat(names.isBridge(veth)).isFalse();
    }

    @Test
    void aTakenNameIsAvoidedWithASaltedHash() {
        InterfaceNames names = new InterfaceNames("jc");
        String first = names.bridge("id", n -> false);
        String second = names.bridge("id", Set.of(first)::contains);
        assertThat(second).isNotEqualTo(first).hasSize(15).startsWith("jcb");
    }

    @ParameterizedTest(name = "{0} is ours: {1}")
    @CsvSource({
            "jcb0123456789ab, true",
            "jcv0123456789ab, true",
            "jcx0123456789ab, false",
            "jcb0123456789a, false",
            "jcb0123456789aB, false",
            "jcompose0000000, false",
            "eth0, false",
            "jtb0123456789ab, false",
    })
    void recognisesOnlyItsOwnNames(String name, boolean ours) {
        assertThat(new InterfaceNames("jc").isOurs(name)).isEqualTo(ours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1jc", "JC", "j-c", "abcdefghij"})
    void rejectsUnusablePrefixes(String prefix) {
        assertThatThrownBy(() -> new InterfaceNames(prefix)).isInstanceOf(NetworkException.class);
    }
}
