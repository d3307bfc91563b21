package io.sfinbound.configapi.crypto;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sfinbound.configapi.connection.Connection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Re-encrypts every stored secret that is not under the current (first) key, connection by connection, each in its own
 * transaction with a row lock. Rotation: put a new key first in {@code SFINBOUND_ENCRYPTION_KEYS}, restart, call
 * rotate, then drop the old key.
 */
@ApplicationScoped
public class KeyRotationService {

    private final SecretCipher cipher;

    public KeyRotationService(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The result of a rotation. */
    public record Rotation(@Schema(example = "k2026-11") String currentKeyId, @Schema(example = "5") int connectionsRotated) {
    }

    /** Re-encrypts what needs it. */
    public Rotation rotate() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>list("secretsEnc is not null or refreshTokenEnc is not null")
                .stream().filter(c -> cipher.needsRotation(c.secretsEnc) || cipher.needsRotation(c.refreshTokenEnc))
                .map(c -> c.id).toList());
        int rotated = 0;
        for (Long id : ids) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                Connection c = Connection.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                boolean changed = false;
                if (c.secretsEnc != null && cipher.needsRotation(c.secretsEnc)) {
                    c.secretsEnc = cipher.encrypt(cipher.decrypt(c.secretsEnc, c.secretsAad()), c.secretsAad());
                    changed = true;
                }
                if (c.refreshTokenEnc != null && cipher.needsRotation(c.refreshTokenEnc)) {
                    c.refreshTokenEnc = cipher.encrypt(cipher.decrypt(c.refreshTokenEnc, c.refreshTokenAad()), c.refreshTokenAad());
                    changed = true;
                }
                return changed;
            });
            if (done) {
                rotated++;
            }
        }
        Log.infof("re-encrypted the secrets of %d connection(s) under key %s", rotated, cipher.currentKeyId());
        return new Rotation(cipher.currentKeyId(), rotated);
    }
}
