package io.jcompose.image.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.auth.Credentials;
import io.jcompose.image.auth.DockerConfigCredentials;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.event.PullListener;
import io.jcompose.image.fixture.BusyboxImages;
import io.jcompose.image.fixture.ImageBuilder.Built;
import io.jcompose.image.fixture.RegistryServer;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.push.ImagePusher;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry behind htpasswd basic auth (bcrypt): push and pull with credentials, and the errors without. */
class BasicAuthPullIT {
    private static RegistryServer registry;
    private static ImageReference ref;

    @TempDir
    Path temp;

    @BeforeAll
    static void startAndPush(@TempDir Path source) throws IOException {
        registry = RegistryServer.withBasicAuth("alice", "s3cret");
        ContentStore content = new ContentStore(source);
        Built app = BusyboxImages.app(content, "private");
        ref = ImageReference.parse(registry.host() + "/team/private:1");
        new ImagePusher(client(host -> Credentials.basic("alice", "s3cret")), content).push(ref, app.digest(), app.mediaType());
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) registry.close();
    }

    private static RegistryClient client(CredentialSource credentials) {
        return new RegistryClient(RegistryOptions.defaults().withRetries(2, Duration.ofMillis(20)), credentials);
    }

    private ImageRecord pull(CredentialSource credentials) {
        return new ImageStore(temp.resolve("images"), client(credentials), ApplyOptions.defaults())
                .pull(ref, Platform.LINUX_AMD64, PullListener.NONE);
    }

    @Test
    void anonymousPullIsToldToLogIn() {
        assertThatThrownBy(() -> pull(CredentialSource.NONE)).isInstanceOfSatisfying(ImageException.class, e -> {
            assertThat(e.kind()).isEqualTo(ImageException.Kind.UNAUTHENTICATED);
            assertThat(e.problem()).contains("team/private:1").contains("requires authentication");
            assertThat(e.fix()).contains("docker login " + registry.host());
        });
    }

    @Test
    void aWrongPasswordIsRejectedWithItsOwnMessage() {
        assertThatThrownBy(() -> pull(host -> Credentials.basic("alice", "wrong")))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.UNAUTHENTICATED);
                    assertThat(e.problem()).contains("rejected the credentials of user alice");
                    assertThat(e.getMessage()).doesNotContain("wrong");
                });
    }

    @Test
    void credentialsFromDockerConfigJsonPull() throws IOException {
        Path config = temp.resolve("config.json");
        String auth = Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        Files.writeString(config, "{\"auths\":{\"http://" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        ImageRecord image = pull(DockerConfigCredentials.load(config));
        assertThat(image.tags()).containsExactly(registry.host() + "/team/private:1");
    }
}
