package io.sfinbound.configapi.connection;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.sfinbound.configapi.config.ConfigApiConfig;

/**
 * Decides whether a Salesforce login or instance URL may be called, so that a connection cannot be pointed at an
 * internal address: https to an allow-listed host only; hosts that resolve to loopback, private, link-local or
 * unspecified addresses only when an allow-list entry names the host exactly (not through a wildcard).
 */
@ApplicationScoped
public class HostPolicy {

    /** One allow-list entry. */
    record Entry(String host, boolean wildcard, int port, boolean http) {

        static Entry parse(String raw) {
            String s = raw.trim().toLowerCase(Locale.ROOT);
            boolean http = false;
            if (s.startsWith("http://")) {
                http = true;
                s = s.substring(7);
            } else if (s.startsWith("https://")) {
                s = s.substring(8);
            }
            s = s.replaceAll("/+$", "");
            int port = -1;
            int colon = s.lastIndexOf(':');
            if (colon > 0 && !s.endsWith("]") && s.indexOf(':') == colon) {
                port = Integer.parseInt(s.substring(colon + 1));
                s = s.substring(0, colon);
            }
            boolean wildcard = s.startsWith("*.");
            return new Entry(wildcard ? s.substring(1) : s.replace("[", "").replace("]", ""), wildcard, port, http);
        }

        boolean matches(String h, int p) {
            boolean hostOk = wildcard ? h.endsWith(host) && h.length() > host.length() : h.equals(host);
            return hostOk && (port < 0 || port == p);
        }
    }

    private final List<Entry> entries;
    private final boolean allowHttp;

    @Inject
    public HostPolicy(ConfigApiConfig config) {
        List<Entry> all = new ArrayList<>();
        config.connections().allowedHosts().stream().filter(s -> !s.isBlank()).map(Entry::parse).forEach(all::add);
        config.connections().additionalHosts().orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Entry::parse).forEach(all::add);
        this.entries = List.copyOf(all);
        this.allowHttp = config.connections().allowHttp();
    }

    HostPolicy(List<String> entries, boolean allowHttp) {
        this.entries = entries.stream().map(Entry::parse).toList();
        this.allowHttp = allowHttp;
    }

    /**
     * Checks a URL and returns it normalized (no trailing slash, no path, query or fragment).
     *
     * @return why it is refused, or {@code null} when allowed
     */
    public String refusal(String url) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an https URL with a host";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry user information";
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must be the host only, without a path, query or fragment";
        }
        host = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        int port = uri.getPort() >= 0 ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
        Entry match = null;
        for (Entry e : entries) {
            if (e.matches(host, port) && (match == null || (!e.wildcard() && match.wildcard()))) {
                match = e;
            }
        }
        if (match == null) {
            return "host " + host + " is not an allowed Salesforce host (" + describe() + ")";
        }
        if (scheme.equals("http") && !allowHttp && !match.http()) {
            return "must use https";
        }
        if (match.wildcard() && resolvesInternally(host)) {
            return "host " + host + " resolves to an internal address";
        }
        return null;
    }

    /** The URL in its normal form: scheme, host and port, no trailing slash. */
    public static String normalize(String url) {
        URI uri = URI.create(url.trim());
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    private String describe() {
        return String.join(", ", entries.stream().map(e -> (e.wildcard() ? "*" : "") + e.host() + (e.port() < 0 ? "" : ":" + e.port())).toList());
    }

    static boolean resolvesInternally(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return false; // cannot be reached at all; the call itself fails later
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return true;
            }
        }
        return false;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                || (first == 169 && second == 254);
    }
}
