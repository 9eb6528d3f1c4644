package io.jcompose.image.auth;

/**
 * What we present to a registry: nothing, a user name and password, or an identity (refresh) token
 * that a credential helper handed out. {@link #toString()} never shows secrets.
 */
public record Credentials(String username, String password, String identityToken) {
    public static final Credentials ANONYMOUS = new Credentials(null, null, null);

    public static Credentials basic(String username, String password) {
        return new Credentials(username, password, null);
    }

    public boolean anonymous() {
        return username == null && identityToken == null;
    }

    @Override
    public String toString() {
        if (anonymous()) return "anonymous";
        return identityToken != null ? "identity token" : "user " + username;
    }
}
