package io.sfinbound.configapi.connection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A Salesforce account. The secrets (consumer secret, password, security token, private key) are one AES-GCM encrypted
 * JSON object; the refresh token has its own encrypted column so that a rotated one is replaced in one update.
 */
@Entity
@Table(name = "connection")
public class Connection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "login_url", nullable = false)
    public String loginUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_flow", nullable = false)
    public AuthFlow authFlow;

    @Column(name = "consumer_key", nullable = false)
    public String consumerKey;

    public String username;

    @Column(nullable = false)
    public boolean sandbox;

    @Column(name = "use_pkce", nullable = false)
    public boolean usePkce;

    @Column(name = "secrets_enc")
    public String secretsEnc;

    @Column(name = "refresh_token_enc")
    public String refreshTokenEnc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConnectionStatus status;

    @Column(name = "status_message")
    public String statusMessage;

    @Column(name = "instance_url")
    public String instanceUrl;

    @Column(name = "org_id")
    public String orgId;

    @Column(name = "expiration_date")
    public LocalDate expirationDate;

    @Column(name = "send_expiry_notifications", nullable = false)
    public boolean sendExpiryNotifications;

    @Column(name = "days_before_expiry")
    public Integer daysBeforeExpiry;

    @Column(name = "expiry_notified_on")
    public LocalDate expiryNotifiedOn;

    @Column(name = "invalid_notified_at")
    public Instant invalidNotifiedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public long version;

    /** The associated data of the secrets ciphertext. */
    public String secretsAad() {
        return "connection/" + id + "/secrets";
    }

    /** The associated data of the refresh token ciphertext. */
    public String refreshTokenAad() {
        return "connection/" + id + "/refresh-token";
    }
}
