package io.jcompose.network.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.Golden;
import io.jcompose.network.NetworkException;
import io.jcompose.network.StateFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSavedStateLoadsBackEqualAndTheFileMatchesTheGoldenFile() throws IOException {
        StateStore store = new StateStore(dir);
        assertThat(store.load()).isEqualTo(ManagerState.empty());
        ManagerState state = StateFixture.twoNetworksAndAWebServer();
        store.save(state);
        assertThat(new StateStore(dir).load()).isEqualTo(state);
        assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly(StateStore.FILE_NAME);
        Golden.assertMatches("network-state.json", Files.readString(store.file()));
    }

    @Test
    void releasingAContainerFreesItsLeasesEverywhere() {
        ManagerState state = StateFixture.twoNetworksAndAWebServer();
        ManagerState released = state.withoutContainer(io.jcompose.network.ContainerId.of("shop-web-1"));
        assertThat(released.containers()).isEmpty();
        assertThat(released.networks().values()).allSatisfy(n -> n.spaces().forEach(s -> assertThat(s.leases()).isEmpty()));
    }

    @Test
    void anUnreadableFileIsAPreconditionFailureWithAFix() throws IOException {
        Files.writeString(dir.resolve(StateStore.FILE_NAME), "{\"version\": 99}");
        assertThatThrownBy(() -> new StateStore(dir).load()).isInstanceOf(NetworkException.class)
                .hasMessageContaining("version 99").hasMessageContaining("move the file away");
        Files.writeString(dir.resolve(StateStore.FILE_NAME), "{not json");
        assertThatThrownBy(() -> new StateStore(dir).load())
                .satisfies(e -> assertThat(((NetworkException) e).kind()).isEqualTo(NetworkException.Kind.FAILED_PRECONDITION));
    }
}
