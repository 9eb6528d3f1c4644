package io.jcompose.image.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerConfigCredentialsTest {
    @TempDir
    Path dir;

    private DockerConfigCredentials config(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return DockerConfigCredentials.load(file, dir);
    }

    private static String auth(String userPassword) {
        return Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
            "https://index.docker.io/v1/, docker.io",
            "https://index.docker.io/v1/, registry-1.docker.io",
            "registry.example.com:5000, registry.example.com:5000",
            "https://registry.example.com:5000, registry.example.com:5000",
            "http://registry.example.com:5000/v2/, registry.example.com:5000"})
    void findsInlineAuthsUnderTheKeysDockerWrites(String key, String registry) throws IOException {
        DockerConfigCredentials c = config("{\"auths\":{\"" + key + "\":{\"auth\":\"" + auth("me:pa:ss") + "\"}}}");
        assertThat(c.lookup(registry)).isEqualTo(Credentials.basic("me", "pa:ss"));
        assertThat(c.lookup("other.example.com").anonymous()).isTrue();
    }

    @Test
    void aMissingFileMeansAnonymous() {
        assertThat(DockerConfigCredentials.load(dir.resolve("none.json")).lookup("docker.io").anonymous()).isTrue();
    }

    @Test
    void identityTokensAreKept() throws IOException {
        Credentials c = config("{\"auths\":{\"r.example\":{\"identitytoken\":\"refresh\"}}}").lookup("r.example");
        assertThat(c.identityToken()).isEqualTo("refresh");
        assertThat(c.toString()).doesNotContain("refresh");
    }

    private void helper(String name, String script) throws IOException {
        Path p = dir.resolve("docker-credential-" + name);
        Files.writeString(p, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void perRegistryHelperWinsOverTheStoreAndInlineAuths() throws IOException {
        helper("pass", "read url; echo \"{\\\"ServerURL\\\":\\\"$url\\\",\\\"Username\\\":\\\"from-helper\\\",\\\"Secret\\\":\\\"s-$url\\\"}\"\n");
        helper("store", "read url; echo '{\"Username\":\"from-store\",\"Secret\":\"x\"}'\n");
        DockerConfigCredentials c = config("{\"credHelpers\":{\"r.example\":\"pass\"},\"credsStore\":\"store\","
                + "\"auths\":{\"r.example\":{\"auth\":\"" + auth("inline:pw") + "\"}}}");
        assertThat(c.lookup("r.example")).isEqualTo(Credentials.basic("from-helper", "s-r.example"));
        assertThat(c.lookup("docker.io")).isEqualTo(Credentials.basic("from-store", "x"));
    }

    @Test
    void aHelperWithoutCredentialsFallsBackToInlineAuths() throws IOException {
        helper("empty", "echo 'credentials not found in native keychain'; exit 1\n");
        DockerConfigCredentials c = config("{\"credsStore\":\"empty\",\"auths\":{\"r.example\":{\"auth\":\"" + auth("a:b") + "\"}}}");
        assertThat(c.lookup("r.example")).isEqualTo(Credentials.basic("a", "b"));
    }

    @Test
    void helperTokensUseTheTokenPlaceholderUser() throws IOException {
        helper("tok", "read url; echo '{\"Username\":\"<token>\",\"Secret\":\"idt\"}'\n");
        assertThat(config("{\"credsStore\":\"tok\"}").lookup("r.example").identityToken()).isEqualTo("idt");
    }

    @Test
    void aMissingHelperIsAClearError() throws IOException {
        DockerConfigCredentials c = config("{\"credsStore\":\"absent\"}");
        assertThatThrownBy(() -> c.lookup("r.example")).isInstanceOfSatisfying(ImageException.class, e -> {
            assertThat(e.problem()).contains("docker-credential-absent");
            assertThat(e.fix()).contains("install the credential helper");
        });
    }

    @Test
    void parsesBearerChallenges() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/redis:pull\",error=\"insufficient_scope\"");
        assertThat(c.bearer()).isTrue();
        assertThat(c.realm()).isEqualTo("https://auth.docker.io/token");
        assertThat(c.service()).isEqualTo("registry.docker.io");
        assertThat(c.parameters()).containsEntry("scope", "repository:library/redis:pull");
        assertThat(AuthChallenge.parse("Basic realm=\"x\"").bearer()).isFalse();
    }
}
