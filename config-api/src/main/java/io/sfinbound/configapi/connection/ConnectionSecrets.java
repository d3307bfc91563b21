package io.sfinbound.configapi.connection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The secrets of a connection as stored (encrypted, as one JSON object). {@link #toString()} never shows them.
 *
 * @param consumerSecret the connected app's client secret
 * @param password       username-password flow: the user's password
 * @param securityToken  username-password flow: the user's security token, appended to the password
 * @param privateKeyPem  JWT bearer flow: PKCS#8 PEM private key that signs the assertion
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionSecrets(String consumerSecret, String password, String securityToken, String privateKeyPem) {

    /** No secrets. */
    public static ConnectionSecrets none() {
        return new ConnectionSecrets(null, null, null, null);
    }

    /** These secrets with the non-null values of {@code update} replacing theirs. */
    public ConnectionSecrets merge(ConnectionSecrets update) {
        return new ConnectionSecrets(
                update.consumerSecret != null ? update.consumerSecret : consumerSecret,
                update.password != null ? update.password : password,
                update.securityToken != null ? update.securityToken : securityToken,
                update.privateKeyPem != null ? update.privateKeyPem : privateKeyPem);
    }

    @Override
    public String toString() {
        return "ConnectionSecrets[redacted]";
    }
}
