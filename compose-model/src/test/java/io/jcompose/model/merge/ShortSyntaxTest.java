package io.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortSyntaxTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            80                        | 0.0.0.0::80/tcp
            8080:80                   | 0.0.0.0:8080:80/tcp
            8080:80/udp               | 0.0.0.0:8080:80/udp
            127.0.0.1:8080:80         | 127.0.0.1:8080:80/tcp
            127.0.0.1::80             | 127.0.0.1::80/tcp
            [::1]:6001:6001           | ::1:6001:6001/tcp
            ::1:6001:6001             | ::1:6001:6001/tcp
            9090-9091:8080-8081       | 0.0.0.0:9090-9091:8080-8081/tcp
            8000-9000:80              | 0.0.0.0:8000-9000:80/tcp
            0.0.0.0:8080:80/tcp       | 0.0.0.0:8080:80/tcp
            8080:                     | NULL
            """)
    void portKeys(String spec, String key) {
        ShortSyntax.Port port = ShortSyntax.port(spec);
        assertThat(port == null ? null : port.key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            /data                     | /data
            data:/data                | /data
            ./src:/src:ro             | /src
            /host:/container:ro,z     | /container
            a:/a                      | a:/a
            C:\\Users\\me:/data       | /data
            ${HOME:-/root}:/home      | /home
            /x                        | /x
            ab                        | ab
            src::/x                   | NULL
            /a:/b:ro:extra            | NULL
            ''                        | NULL
            """)
    void volumeTargets(String spec, String target) {
        assertThat(ShortSyntax.volumeTarget(spec == null ? "" : spec)).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /dev/fuse                 | /dev/fuse
            /dev/sda:/dev/xvda        | /dev/xvda
            /dev/sda:/dev/xvda:rwm    | /dev/xvda
            """)
    void deviceTargets(String spec, String target) {
        assertThat(ShortSyntax.deviceTarget(spec)).isEqualTo(target);
    }
}
