package io.jcompose.image.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.auth.Credentials;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.event.PullListener;
import io.jcompose.image.fixture.BusyboxImages;
import io.jcompose.image.fixture.ImageBuilder.Built;
import io.jcompose.image.fixture.RegistryServer;
import io.jcompose.image.fixture.TokenIssuer;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.push.ImagePusher;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-registry in token mode behind a bearer token issuer the test runs: the Docker Hub style of auth. */
class BearerTokenPullIT {
    private static TokenIssuer issuer;
    private static RegistryServer registry;
    private static ImageReference ref;
    private static Built app;

    @TempDir
    Path temp;

    @BeforeAll
    static void start(@TempDir Path source) throws IOException {
        issuer = TokenIssuer.start();
        registry = RegistryServer.withTokenAuth(issuer);
        ContentStore content = new ContentStore(source);
        app = BusyboxImages.app(content, "tokens");
        ref = ImageReference.parse(registry.host() + "/team/tokens:1");
        new ImagePusher(client(host -> Credentials.basic("alice", "s3cret")), content).push(ref, app.digest(), app.mediaType());
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) registry.close();
        if (issuer != null) issuer.close();
    }

    private static RegistryClient client(CredentialSource credentials) {
        return new RegistryClient(RegistryOptions.defaults().withRetries(2, Duration.ofMillis(20)), credentials);
    }

    @Test
    void anonymousPullGetsAPullTokenOncePerScope() {
        int before = issuer.requests.get();
        ImageRecord image = new ImageStore(temp, client(CredentialSource.NONE), ApplyOptions.defaults())
                .pull(ref, Platform.LINUX_AMD64, PullListener.NONE);
        assertThat(image.id()).isEqualTo(app.config());
        // one token serves the manifest, the config and all five layers
        assertThat(issuer.requests.get() - before).isEqualTo(1);
    }

    @Test
    void anonymousPushIsDenied() {
        ContentStore content = new ContentStore(temp.resolve("src"));
        Built other = BusyboxImages.app(content, "anon");
        assertThatThrownBy(() -> new ImagePusher(client(CredentialSource.NONE), content)
                .push(ImageReference.parse(registry.host() + "/team/anon:1"), other.digest(), other.mediaType()))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.kind())
                        .isIn(ImageException.Kind.UNAUTHENTICATED, ImageException.Kind.PERMISSION_DENIED));
    }

    @Test
    void wrongCredentialsAreRefusedByTheTokenServer() {
        assertThatThrownBy(() -> new ImageStore(temp, client(host -> Credentials.basic("alice", "nope")), ApplyOptions.defaults())
                .pull(ref, Platform.LINUX_AMD64, PullListener.NONE))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.UNAUTHENTICATED);
                    assertThat(e.problem()).contains("token server").contains("user alice");
                });
    }
}
