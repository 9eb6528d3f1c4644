package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The short volume syntax, after compose-go's {@code format/volume_test.go} cases. */
class VolumeSpecTest {
    private static final ScalarNode AT = new ScalarNode("", Position.UNKNOWN, null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /path                         | {type: volume, target: /path, volume: {}}
            /a                            | {type: volume, target: /a}
            a                             | {type: volume, target: a}
            name:/path                    | {type: volume, source: name, target: /path, volume: {}}
            name:/path:ro                 | {type: volume, source: name, target: /path, read_only: true, volume: {}}
            name:/path:rw,nocopy          | {type: volume, source: name, target: /path, volume: {nocopy: true}}
            /host:/container              | {type: bind, source: /host, target: /container, bind: {create_host_path: true}}
            ./host:/container:ro,Z        | {type: bind, source: ./host, target: /container, read_only: true, bind: {selinux: Z, create_host_path: true}}
            ~/host:/container:slave       | {type: bind, source: '~/host', target: /container, bind: {propagation: slave, create_host_path: true}}
            name:/path:z                  | {type: volume, source: name, target: /path, bind: {selinux: z}, volume: {}}
            /a:/b:unknown,ro              | {type: bind, source: /a, target: /b, read_only: true, bind: {create_host_path: true}}
            C:\\data:/data                | {type: bind, source: 'C:\\data', target: /data, bind: {create_host_path: true}}
            ${VAR:-/a}:/b                 | {type: volume, source: '${VAR:-/a}', target: /b, volume: {}}
            """)
    void parses(String spec, String expected) {
        assertThat(VolumeSpec.parse(spec, AT)).isEqualTo(Fixtures.json(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /a::/b      | invalid spec: /a::/b: empty section between colons
            /a:/b:ro:x  | invalid spec: /a:/b:ro:x: too many colons
            """)
    void rejects(String spec, String message) {
        assertThatThrownBy(() -> VolumeSpec.parse(spec, AT)).hasMessage(message);
    }
}
