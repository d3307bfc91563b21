package io.sfinbound.configapi.oauth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A web server flow in progress: the hashed state, the browser binding, the encrypted PKCE verifier. */
@Entity
@Table(name = "oauth_state")
public class OAuthState extends PanacheEntityBase {

    @Id
    @Column(name = "state_hash")
    public String stateHash;

    @Column(name = "connection_id", nullable = false)
    public long connectionId;

    @Column(nullable = false)
    public String principal;

    @Column(name = "binding_hash", nullable = false)
    public String bindingHash;

    @Column(name = "code_verifier_enc")
    public String codeVerifierEnc;

    @Column(name = "redirect_uri", nullable = false)
    public String redirectUri;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
