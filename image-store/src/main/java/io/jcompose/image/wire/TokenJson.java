package io.jcompose.image.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A bearer token server's answer; {@code access_token} is the OAuth2 spelling of {@code token}. */
public record TokenJson(String token, @JsonProperty("access_token") String accessToken,
                        @JsonProperty("expires_in") Long expiresIn, @JsonProperty("issued_at") String issuedAt) {
}
