package io.sfinbound.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The simulator's configuration ({@code sim.*}); the data set's keys ({@code sim.data.*}) are read by
 * {@link io.sfinbound.sim.data.DataStore}. The defaults give the demo org, connected app and user of the README.
 */
@ConfigMapping(prefix = "sim")
public interface SimConfig {

    /**
     * Base URL of the default org's My Domain (the {@code instance_url} of its tokens). Unset: the URL the request
     * came in on (scheme, host and port), so the simulator works on any port.
     */
    Optional<String> instanceUrl();

    /** Host names that act as the generic login host (login.salesforce.com): client_credentials is refused there. */
    @WithDefault("localhost")
    List<String> loginHosts();

    /** Supported REST API versions. */
    Api api();

    /** Access tokens. */
    Session session();

    /** REST query. */
    Query query();

    /** Bulk API 2.0. */
    Bulk bulk();

    /** The generated data set. */
    Data data();

    /** Orgs by key. */
    Map<String, Org> orgs();

    /** Connected apps by key. */
    Map<String, App> apps();

    /** Users by key. */
    Map<String, User> users();

    /** Supported REST API versions. */
    interface Api {
        /** Oldest supported version; older ones answer 410 Gone (retired). */
        @WithDefault("31.0")
        String minVersion();

        /** Newest version; newer ones answer 404. */
        @WithDefault("66.0")
        String maxVersion();
    }

    /** Access tokens. */
    interface Session {
        /** Lifetime of an access token (Salesforce's session timeout). */
        @WithDefault("PT2H")
        Duration timeout();

        /** Lifetime of an authorization code. */
        @WithDefault("PT15M")
        Duration codeTimeout();
    }

    /** REST query. */
    interface Query {
        /** Records per page without {@code Sforce-Query-Options: batchSize} (Salesforce: 2000). */
        @WithDefault("2000")
        int defaultBatchSize();

        /** How long a query locator stays valid after its last use (Salesforce: 2 days). */
        @WithDefault("P2D")
        Duration locatorTtl();

        /** Most records sorted in memory for an ORDER BY the generator cannot stream; more fail with QUERY_TIMEOUT. */
        @WithDefault("500000")
        int maxSortRecords();
    }

    /** Bulk API 2.0 query jobs. */
    interface Bulk {
        /** Time from UploadComplete to JobComplete (half of it UploadComplete, half InProgress). */
        @WithDefault("PT1S")
        Duration processingTime();

        /**
         * Records per results page when the request has no {@code maxRecords}. Large, as real orgs' pages are (and
         * jsforce cannot read more than one page: its upstream bug).
         */
        @WithDefault("100000")
        int defaultPageSize();

        /** How long a finished job and its results are kept (Salesforce: 7 days). */
        @WithDefault("P7D")
        Duration retention();
    }

    /** The generated data set: a seed and per-object settings ({@code sim.data.<Object>.<key>}). */
    interface Data {
        /** Seed of every generated value: same seed, same records. */
        @WithDefault("42")
        long seed();

        /** Per-object settings by object API name; unset keys keep the built-in defaults. */
        @WithParentName
        Map<String, ObjectData> objects();
    }

    /** Generation settings of one object (see {@link io.sfinbound.sim.data.ObjectSettings}). */
    interface ObjectData {
        /** Number of records (root objects). */
        OptionalLong count();

        /** Timestamp of the first record (ISO-8601 instant). */
        Optional<String> start();

        /** Time between consecutive timestamps (ISO-8601 duration). */
        Optional<String> interval();

        /** How many consecutive records share one timestamp. */
        OptionalInt sameTimestamp();

        /** Share of records modified well after creation. */
        Optional<Double> updateRatio();

        /** Share of records soft-deleted. */
        Optional<Double> deleteRatio();

        /** Target size of long text (chat bodies) in characters. */
        OptionalInt bodySize();

        /** Fewest children per parent (child objects). */
        OptionalInt minPerParent();

        /** Most children per parent (child objects). */
        OptionalInt maxPerParent();
    }

    /** An org. */
    interface Org {
        /** The 18-character org id ({@code 00D...}). */
        String orgId();

        /** Org name. */
        @WithDefault("sfinbound Demo Org")
        String name();

        /** Its My Domain URL; unset: {@code sim.instance-url}, else the request's base URL. */
        Optional<String> instanceUrl();

        /** A sandbox (log in through its own login host, {@code login-host}). */
        @WithDefault("false")
        boolean sandbox();

        /** Host name of its login endpoint (test.salesforce.com for sandboxes); unset: any host. */
        Optional<String> loginHost();

        /** Whether the OAuth username-password flow is blocked (orgs created since Summer '23). */
        @WithDefault("false")
        boolean usernamePasswordBlocked();

        /** Daily API request quota. */
        @WithDefault("100000")
        long dailyApiRequests();
    }

    /** A connected app. */
    interface App {
        /** Consumer key (client_id). */
        String consumerKey();

        /** Consumer secret. */
        String consumerSecret();

        /**
         * Registered callback URLs of the web-server flow, matched exactly as Salesforce does (else
         * {@code redirect_uri_mismatch}); more can be added at run time through {@code POST /admin/apps/<key>/callback-urls}.
         */
        Optional<List<String>> callbackUrls();

        /** Whether the web-server flow requires PKCE. */
        @WithDefault("false")
        boolean pkceRequired();

        /** Whether a refresh returns a new refresh token and invalidates the old one. */
        @WithDefault("false")
        boolean refreshTokenRotation();

        /** X.509 certificate (PEM text, or a file path) whose key signs JWT bearer assertions. */
        Optional<String> certificate();

        /** Username of the client-credentials run-as user; unset: the flow is disabled for this app. */
        Optional<String> runAsUser();

        /**
         * "Admin approved users are pre-authorized": the web-server flow shows no consent page and the JWT bearer flow
         * is allowed. False: "all users may self-authorize": the consent page (Allow/Deny) on a user's first approval,
         * and JWT bearer only once the user approved the app.
         */
        @WithDefault("true")
        boolean preApproved();
    }

    /** A user. */
    interface User {
        /** Key of the org ({@code sim.orgs.<key>}). */
        String org();

        /** Username (an email address). */
        String username();

        /** Password. */
        String password();

        /** Security token appended to the password in the password flow; empty: none needed (trusted IP). */
        @WithDefault("")
        String securityToken();

        /** 18-character user id ({@code 005...}); unset: derived from the key. */
        Optional<String> userId();

        /** First name. */
        @WithDefault("Demo")
        String firstName();

        /** Last name. */
        @WithDefault("User")
        String lastName();

        /** Email. */
        Optional<String> email();

        /** Whether the user is active (inactive users get {@code inactive_user}). */
        @WithDefault("true")
        boolean active();

        /** IANA time zone. */
        @WithDefault("UTC")
        String timeZone();
    }
}
