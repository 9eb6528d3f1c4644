package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.cli.GlobalOptions.AnsiMode;
import io.jcompose.cli.GlobalOptions.ProgressMode;
import io.jcompose.scheduler.execute.ProgressEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which progress renderer docker compose picks, and the terminal view's redraw. */
class ProgressModesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            // --progress, --ansi, NO_COLOR, stderr is a terminal, renderer
            "auto,  auto,   false, true,  tty",
            "auto,  auto,   false, false, plain",
            "auto,  never,  false, true,  plain",
            "auto,  auto,   true,  true,  plain",
            "auto,  always, false, false, tty",
            "tty,   auto,   false, false, tty",
            "plain, auto,   false, true,  plain",
            "json,  always, false, true,  json",
            "quiet, auto,   false, true,  quiet"})
    void rendererFollowsProgressAnsiAndTheTerminal(ProgressMode progress, AnsiMode ansi, boolean noColor,
                                                   boolean terminal, ProgressMode expected) {
        assertThat(ProgressPrinter.effective(progress, ansi, noColor, terminal)).isEqualTo(expected);
    }

    @Test
    void contradictionsAreRefusedWithDockerComposesWords() {
        assertThatThrownBy(() -> ProgressPrinter.effective(ProgressMode.tty, AnsiMode.never, false, true))
                .hasMessage("can't use --progress tty while ANSI support is disabled");
        assertThatThrownBy(() -> ProgressPrinter.effective(ProgressMode.plain, AnsiMode.always, false, true))
                .hasMessage("can't use --progress plain while ANSI support is forced");
        CliRun run = CliRun.in(dir, "--progress", "tty", "--ansi", "never", "ps");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("can't use --progress tty while ANSI support is disabled");
    }

    @Test
    void theTreeIsRedrawnInPlaceWithStateAndElapsedTime() {
        ProgressTree tree = new ProgressTree();
        long s = 1_000_000_000L;
        String first = tree.apply(ProgressEvent.working("Container demo-db-1", "Starting"), 0);
        assertThat(first).doesNotContainPattern("\u001b\\[\\d+A").startsWith("\u001b[2K"); // nothing to redraw yet
        assertThat(first).contains("[+] Running 0/1\n", "Container demo-db-1  Starting  0.0s\n");
        String second = tree.apply(ProgressEvent.working("Container demo-web-1", "Creating"), s / 2);
        assertThat(second).startsWith("\u001b[2A"); // up over the header and one line
        String third = tree.apply(ProgressEvent.done("Container demo-db-1", "Started"), 3 * s / 2);
        assertThat(third).startsWith("\u001b[3A").contains("[+] Running 1/2\n")
                .contains("Container demo-db-1   Started  1.5s\n", "Container demo-web-1  Creating  1.0s\n");
        String warned = tree.apply(ProgressEvent.warning("Project demo", "orphans"), 2 * s);
        assertThat(warned).startsWith("\u001b[3A\u001b[2K\rwarning: Project demo: orphans\n\u001b[2K\r[+] Running 1/2");
    }

    @Test
    void aNewBlockStartsBelowWhatWasPrintedMeanwhile() {
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), ProgressMode.tty);
        printer.accept(ProgressEvent.done("Container demo-web-1", "Started"));
        printer.endBlock();
        printer.accept(ProgressEvent.working("Container demo-web-1", "Stopping"));
        assertThat(err.toString()).doesNotContainPattern("\u001b\\[\\d+A");
        assertThat(err.toString()).contains("Stopping");
    }

    @Test
    void plainModeStaysOneLinePerEvent() {
        StringWriter err = new StringWriter();
        new ProgressPrinter(new PrintWriter(err), ProgressMode.plain).accept(ProgressEvent.done("Network demo_default",
                "Created"));
        assertThat(err.toString()).isEqualTo(" ✔ Network demo_default  Created\n".replace("\n", System.lineSeparator()));
    }
}
