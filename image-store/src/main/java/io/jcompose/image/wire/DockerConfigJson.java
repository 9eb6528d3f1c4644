package io.jcompose.image.wire;

import java.util.Map;

/** The parts of {@code ~/.docker/config.json} that hold registry credentials. */
public record DockerConfigJson(Map<String, AuthJson> auths, String credsStore, Map<String, String> credHelpers) {
    public record AuthJson(String auth, String username, String password, String identitytoken,
                           String registrytoken) {
    }

    /** What {@code docker-credential-<x> get} prints. */
    public record HelperCredentialsJson(@com.fasterxml.jackson.annotation.JsonProperty("ServerURL") String serverUrl,
                                        @com.fasterxml.jackson.annotation.JsonProperty("Username") String username,
                                        @com.fasterxml.jackson.annotation.JsonProperty("Secret") String secret) {
    }
}
