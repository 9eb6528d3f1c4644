package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker's table of where a copy lands (moby archive.PrepareArchiveCopy), and how cp arguments split. */
class CopyRulesTest {

    @ParameterizedTest(name = "{0} (dir={1}) -> {2} (exists={3}, dir={4}): extract in {5} as {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # source     | src dir | destination   | exists | dest dir | into       | named
            /a/file      | false   | /tmp          | true   | true     | /tmp       | file
            /a/file      | false   | /tmp/         | true   | true     | /tmp       | file
            /a/file      | false   | /tmp/new      | false  | false    | /tmp       | new
            /a/file      | false   | /tmp/old      | true   | false    | /tmp       | old
            /a/dir       | true    | /tmp          | true   | true     | /tmp       | dir
            /a/dir       | true    | /tmp/copy     | false  | false    | /tmp       | copy
            /a/dir/      | true    | /tmp/copy/    | false  | false    | /tmp       | copy
            /a/dir/.     | true    | /tmp          | true   | true     | /tmp       | .
            /a/dir/.     | true    | /tmp/copy     | false  | false    | /tmp       | copy
            /etc/hostname| false   | /work/.       | true   | true     | /work      | hostname
            /a/dir       | true    | /             | true   | true     | /          | dir
            """)
    void placesTheArchiveAsDockerDoes(String source, boolean sourceIsDir, String destination, boolean exists,
                                      boolean destIsDir, String into, String named) {
        CopyRules.Placement p = CopyRules.place(source, sourceIsDir, destination, exists, destIsDir);

        assertThat(p.directory()).isEqualTo(into);
        assertThat(p.topName()).isEqualTo(named);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /a/dir  | true  | /tmp/file  | true  | cannot copy directory /a/dir onto the file /tmp/file
            /a/file | false | /tmp/none/ | false | no such directory: /tmp/none/
            """)
    void refusesWhatDockerRefuses(String source, boolean sourceIsDir, String destination, boolean exists, String message) {
        assertThatThrownBy(() -> CopyRules.place(source, sourceIsDir, destination, exists, false))
                .isInstanceOf(CommandFailure.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            web:/etc/hosts   | web  | /etc/hosts
            web:tmp          | web  | tmp
            /abs/path:x      | null | /abs/path:x
            ./file:name.txt  | null | ./file:name.txt
            file.txt         | null | file.txt
            -                | null | -
            """)
    void splitsArgumentsAsDockerCompose(String argument, String service, String path) {
        assertThat(CopyRules.split(argument)).containsExactly(service, path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /work | file     | /work/file
            /work | dir/     | /work/dir/
            /work | dir/.    | /work/dir/.
            /work | .        | /work/.
            /work | ../x     | /x
            /work | /abs//y/ | /abs/y/
            """)
    void makesLocalPathsAbsoluteKeepingWhatTheirEndMeans(String cwd, String path, String expected) {
        assertThat(CopyRules.absolute(cwd, path)).isEqualTo(expected);
    }
}
