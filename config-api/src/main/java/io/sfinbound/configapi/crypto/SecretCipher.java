package io.sfinbound.configapi.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of secrets at rest with named keys. A ciphertext reads {@code v1:<keyId>:<base64(iv|ct|tag)>};
 * the first key encrypts, every key decrypts, so a new key can be put first and the old ones rotated out
 * ({@link #needsRotation(String)}). The associated data binds a ciphertext to its place (for example
 * {@code connection/12/secrets}), so it cannot be copied onto another row.
 */
public final class SecretCipher {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(Map<String, SecretKeySpec> keys, String currentKeyId) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /**
     * Parses {@code id:base64key} entries.
     *
     * @throws IllegalArgumentException naming the entry at fault (never its key material)
     */
    public static SecretCipher of(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("no encryption key configured (SFINBOUND_ENCRYPTION_KEYS=id:base64key)");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String first = null;
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i).trim();
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("encryption key #" + (i + 1) + " is not id:base64key");
            }
            String id = e.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(e.substring(colon + 1).trim());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("encryption key " + id + " is not valid base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("encryption key " + id + " must be 32 bytes (AES-256), not " + key.length);
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("encryption key id " + id + " appears twice");
            }
            if (first == null) {
                first = id;
            }
        }
        return new SecretCipher(keys, first);
    }

    /** The id of the key that encrypts. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** Encrypts with the current key. */
    public String encrypt(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
            return VERSION + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a value of {@link #encrypt}.
     *
     * @throws IllegalStateException when the key is unknown or the value was tampered with (no detail of the value)
     */
    public String decrypt(String ciphertext, String associatedData) {
        if (ciphertext == null) {
            return null;
        }
        String[] parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("not an encrypted secret of version " + VERSION);
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("secret encrypted with unknown key id " + parts[1]);
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("secret under key " + parts[1] + " cannot be decrypted (wrong key or tampered)");
        }
    }

    /** Whether a value is encrypted under another key than the current one. */
    public boolean needsRotation(String ciphertext) {
        return ciphertext != null && !ciphertext.startsWith(VERSION + ":" + currentKeyId + ":");
    }
}
