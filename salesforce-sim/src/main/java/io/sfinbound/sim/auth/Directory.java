package io.sfinbound.sim.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.sim.SimConfig;
import io.sfinbound.sim.data.Ids;

/** The orgs, connected apps and users of the simulator, from {@code sim.orgs}, {@code sim.apps} and {@code sim.users}. */
@ApplicationScoped
public class Directory {

    /** An org. */
    public record Org(String key, String id, String name, Optional<String> instanceUrl, boolean sandbox,
                      Optional<String> loginHost, boolean usernamePasswordBlocked, long dailyApiRequests) {

        /** The 15-character org id, the prefix of its access tokens. */
        public String id15() {
            return id.substring(0, 15);
        }
    }

    /**
     * A connected app. {@code callbackUrls} is mutable (the admin API registers more at run time); {@code preApproved}:
     * "admin approved users are pre-authorized" (no consent page, JWT bearer allowed), else "all users may
     * self-authorize" (consent on the first approval).
     */
    public record App(String key, String consumerKey, String consumerSecret, List<String> callbackUrls, boolean pkceRequired,
                      boolean refreshTokenRotation, Optional<PublicKey> jwtKey, Optional<String> runAsUser, boolean preApproved) {
    }

    /** A user. */
    public record User(String key, Org org, String username, String password, String securityToken, String id,
                       String firstName, String lastName, String email, boolean active, String timeZone) {

        public String name() {
            return firstName + " " + lastName;
        }
    }

    private final SimConfig config;
    private final Map<String, Org> orgs = new LinkedHashMap<>();
    private final Map<String, App> appsByKey = new LinkedHashMap<>();
    private final Map<String, User> usersByName = new LinkedHashMap<>();

    public Directory(SimConfig config) {
        this.config = config;
        config.orgs().forEach((k, o) -> orgs.put(k, new Org(k, Ids.to18(o.orgId()), o.name(), o.instanceUrl().map(Directory::trimSlash),
                o.sandbox(), o.loginHost().map(h -> h.toLowerCase(Locale.ROOT)), o.usernamePasswordBlocked(), o.dailyApiRequests())));
        config.apps().forEach((k, a) -> appsByKey.put(a.consumerKey(), new App(k, a.consumerKey(), a.consumerSecret(),
                new CopyOnWriteArrayList<>(a.callbackUrls().orElse(List.of())), a.pkceRequired(), a.refreshTokenRotation(), a.certificate().map(Directory::publicKey),
                a.runAsUser(), a.preApproved())));
        long n = 0;
        for (Map.Entry<String, SimConfig.User> e : config.users().entrySet()) {
            SimConfig.User u = e.getValue();
            Org org = orgs.get(u.org());
            if (org == null) {
                throw new IllegalArgumentException("sim.users." + e.getKey() + ".org: no org '" + u.org() + "'");
            }
            String id = u.userId().map(Ids::to18).orElse(Ids.of("005", 9_000_000_000L + n++));
            usersByName.put(u.username().toLowerCase(Locale.ROOT), new User(e.getKey(), org, u.username(), u.password(), u.securityToken(), id,
                    u.firstName(), u.lastName(), u.email().orElse(u.username()), u.active(), u.timeZone()));
        }
    }

    public Optional<App> app(String consumerKey) {
        return consumerKey == null ? Optional.empty() : Optional.ofNullable(appsByKey.get(consumerKey));
    }

    /** An app by its configuration key ({@code sim.apps.<key>}) or its consumer key. */
    public Optional<App> appByKey(String key) {
        return key == null ? Optional.empty()
                : appsByKey.values().stream().filter(a -> a.key().equals(key)).findFirst().or(() -> app(key));
    }

    /** Every connected app. */
    public List<App> apps() {
        return new ArrayList<>(appsByKey.values());
    }

    /**
     * Whether the URL is one of the app's registered callback URLs. Exact, case-sensitive string match as Salesforce
     * does it (no trailing-slash, query or port leniency): anything else is {@code redirect_uri_mismatch}.
     */
    public static boolean callbackRegistered(App app, String redirectUri) {
        return redirectUri != null && app.callbackUrls().contains(redirectUri);
    }

    public Optional<User> user(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(usersByName.get(username.toLowerCase(Locale.ROOT)));
    }

    public Optional<User> userById(String id) {
        return usersByName.values().stream().filter(u -> u.id().equals(Ids.to18(id))).findFirst();
    }

    public Optional<Org> org(String key) {
        return Optional.ofNullable(orgs.get(key));
    }

    public Optional<Org> orgById(String id) {
        return orgs.values().stream().filter(o -> o.id().equals(Ids.to18(id)) || o.id15().equals(id)).findFirst();
    }

    public List<Org> orgs() {
        return new ArrayList<>(orgs.values());
    }

    /** The org's instance URL: its own, else {@code sim.instance-url}, else the base URL of the request. */
    public String instanceUrl(Org org, URI requestBase) {
        return org.instanceUrl().or(config::instanceUrl).map(Directory::trimSlash).orElseGet(() -> trimSlash(requestBase.toString()));
    }

    /** Whether a login through this host is allowed for the org (sandboxes only on their login host or My Domain). */
    public boolean loginHostAllowed(Org org, String host, URI requestBase) {
        String h = host.toLowerCase(Locale.ROOT);
        if (org.loginHost().isPresent()) {
            return org.loginHost().get().equals(h) || h.equals(URI.create(instanceUrl(org, requestBase)).getHost());
        }
        return orgs.values().stream().noneMatch(o -> o.loginHost().map(h::equals).orElse(false));
    }

    /** Whether the host is a My Domain host (not a generic login host), as the client-credentials flow requires. */
    public boolean isMyDomainHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return config.loginHosts().stream().noneMatch(l -> l.equalsIgnoreCase(h))
                && orgs.values().stream().noneMatch(o -> o.loginHost().map(h::equals).orElse(false));
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The public key of a certificate or public key given as PEM text, a file path or {@code classpath:...}. */
    static PublicKey publicKey(String spec) {
        try {
            String pem = spec.trim();
            if (!pem.startsWith("-----BEGIN")) {
                if (pem.startsWith("classpath:")) {
                    try (InputStream in = Directory.class.getClassLoader().getResourceAsStream(pem.substring("classpath:".length()))) {
                        if (in == null) {
                            throw new IllegalArgumentException("no resource " + pem);
                        }
                        pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    }
                } else {
                    pem = Files.readString(Path.of(pem), StandardCharsets.US_ASCII);
                }
            }
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getPublicKey();
            }
            String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid certificate: " + e.getMessage(), e);
        }
    }
}
