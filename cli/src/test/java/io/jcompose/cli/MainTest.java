package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void commandsThatReadTheAgentsAnswersBeginBigDecimalsInitialisationEarly() {
        assertThat(Main.talksToTheAgent(new String[] {"-f", "compose.yaml", "-p", "demo", "down"})).isTrue();
        assertThat(Main.talksToTheAgent(new String[] {"ps", "-a"})).isTrue();
        assertThat(Main.talksToTheAgent(new String[] {"run", "--rm", "web", "true"})).isTrue();
    }

    @Test
    void localCommandsAndHelpDoNot() {
        assertThat(Main.talksToTheAgent(new String[] {})).isFalse();
        assertThat(Main.talksToTheAgent(new String[] {"-f", "compose.yaml", "config", "--services"})).isFalse();
        assertThat(Main.talksToTheAgent(new String[] {"version"})).isFalse();
        assertThat(Main.talksToTheAgent(new String[] {"--version"})).isFalse();
        assertThat(Main.talksToTheAgent(new String[] {"up", "--help"})).isFalse();
        assertThat(Main.talksToTheAgent(new String[] {"completion", "bash"})).isFalse();
    }
}
