package io.sfinbound.configapi.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The login and instance host allow-list. Plain JUnit: pure URL logic. */
class HostPolicyTest {

    static final List<String> DEFAULT = List.of("*.salesforce.com", "*.my.salesforce.com", "*.force.com");

    @Test
    void shouldAllowSalesforceHttpsHostsOnly() {
        HostPolicy p = new HostPolicy(DEFAULT, false);
        assertThat(p.refusal("https://login.salesforce.com")).isNull();
        assertThat(p.refusal("https://acme.my.salesforce.com/")).isNull();
        assertThat(p.refusal("https://acme--dev.sandbox.my.salesforce.com")).isNull();
        assertThat(p.refusal("https://acme.lightning.force.com")).isNull();
        assertThat(p.refusal("http://login.salesforce.com")).contains("https");
        assertThat(p.refusal("https://salesforce.com.evil.io")).contains("not an allowed");
        assertThat(p.refusal("https://evilsalesforce.com")).contains("not an allowed");
        assertThat(p.refusal("https://127.0.0.1")).contains("not an allowed");
        assertThat(p.refusal("https://login.salesforce.com/services")).contains("without a path");
        assertThat(p.refusal("https://a:b@login.salesforce.com")).contains("user information");
        assertThat(p.refusal("javascript:alert(1)")).isNotNull();
        assertThat(p.refusal(null)).isNotNull();
    }

    @Test
    void shouldAllowExplicitLoopbackEntriesOnly() {
        HostPolicy p = new HostPolicy(List.of("*.salesforce.com", "http://127.0.0.1:8085", "localhost"), false);
        assertThat(p.refusal("http://127.0.0.1:8085")).isNull();
        assertThat(p.refusal("http://127.0.0.1:9999")).contains("not an allowed");
        assertThat(p.refusal("https://localhost:1234")).isNull();
        assertThat(p.refusal("http://localhost:1234")).contains("https");
        assertThat(new HostPolicy(List.of("127.0.0.1"), true).refusal("http://127.0.0.1:41234")).isNull();
    }

    @Test
    void shouldClassifyInternalAddresses() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "::1", "fd00::1", "fe80::1"}) {
            assertThat(HostPolicy.internal(java.net.InetAddress.getByName(internal))).as(internal).isTrue();
        }
        assertThat(HostPolicy.internal(java.net.InetAddress.getByName("13.110.0.1"))).isFalse();
    }

    @Test
    void shouldNormalizeToSchemeHostAndPort() {
        assertThat(HostPolicy.normalize("HTTPS://Acme.my.salesforce.com/")).isEqualTo("https://Acme.my.salesforce.com");
        assertThat(HostPolicy.normalize("http://127.0.0.1:8085")).isEqualTo("http://127.0.0.1:8085");
    }
}
