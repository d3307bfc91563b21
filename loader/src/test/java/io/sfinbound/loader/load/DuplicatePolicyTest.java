package io.sfinbound.loader.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.LoadOutcome;
import io.sfinbound.common.record.XmdDocument;
import io.sfinbound.loader.Fixtures;
import io.sfinbound.loader.load.DuplicatePolicy.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The duplicate modes as pure logic; not a @QuarkusTest because the decision needs neither Kafka nor a database. */
class DuplicatePolicyTest {

    private static final Instant DATE = Instant.parse("2026-03-01T10:15:30Z");

    private static ObjectNode tree(XmdDocument d) {
        return Json.mapper().valueToTree(d);
    }

    private static ObjectNode doc(String text, Map<String, String> attrs) {
        return tree(Fixtures.document("Salesforce;1", DATE, text, attrs));
    }

    @ParameterizedTest
    @EnumSource(DuplicateMode.class)
    void shouldLoadANewDocumentInEveryMode(DuplicateMode mode) {
        Decision d = DuplicatePolicy.decide(mode, null, doc("x", Map.of()));
        assertThat(d.outcome()).isEqualTo(LoadOutcome.LOADED);
        assertThat(d.body()).isEqualTo(doc("x", Map.of()));
    }

    @ParameterizedTest
    @EnumSource(DuplicateMode.class)
    void shouldFindEqualContentUnchangedInEveryMode(DuplicateMode mode) {
        ObjectNode stored = doc("x", Map.of("a", "1", "b", "2"));
        // same content, attributes in another order
        ObjectNode incoming = doc("x", Map.of("b", "2", "a", "1"));
        Decision d = DuplicatePolicy.decide(mode, stored, incoming);
        assertThat(d.outcome()).isEqualTo(LoadOutcome.UNCHANGED);
        assertThat(d.body()).isNull();
    }

    @Test
    void shouldKeepTheStoredDocumentWhenSkipping() {
        Decision d = DuplicatePolicy.decide(DuplicateMode.SKIP, doc("x", Map.of()), doc("y", Map.of()));
        assertThat(d.outcome()).isEqualTo(LoadOutcome.SKIPPED_DUPLICATE);
        assertThat(d.body()).isNull();
        assertThat(d.reason()).contains("SKIP");
    }

    @Test
    void shouldOverwriteWholeWhenReplacing() {
        ObjectNode stored = doc("x", Map.of("a", "1", "b", "2"));
        ObjectNode incoming = doc("y", Map.of("a", "9"));
        Decision d = DuplicatePolicy.decide(DuplicateMode.REPLACE, stored, incoming);
        assertThat(d.outcome()).isEqualTo(LoadOutcome.UPDATED);
        assertThat(d.body()).isEqualTo(incoming);
        assertThat(d.body().path("attributes").has("b")).isFalse();
    }

    @Test
    void shouldMergeChangedAttributesAndKeepTheOthersWhenUpdating() {
        ObjectNode stored = doc("x", Map.of("a", "1", "b", "2"));
        ObjectNode incoming = doc("x", Map.of("a", "9", "c", "3"));
        Decision d = DuplicatePolicy.decide(DuplicateMode.UPDATE, stored, incoming);
        assertThat(d.outcome()).isEqualTo(LoadOutcome.UPDATED);
        assertThat(d.body()).isEqualTo(doc("x", Map.of("a", "9", "b", "2", "c", "3")));
    }

    @Test
    void shouldFindASubsetUnchangedWhenUpdating() {
        ObjectNode stored = doc("x", Map.of("a", "1", "b", "2"));
        Decision d = DuplicatePolicy.decide(DuplicateMode.UPDATE, stored, doc("x", Map.of("a", "1")));
        assertThat(d.outcome()).isEqualTo(LoadOutcome.UNCHANGED);
    }

    @Test
    void shouldTreatAMissingModeAsSkip() {
        Decision d = DuplicatePolicy.decide(null, doc("x", Map.of()), doc("y", Map.of()));
        assertThat(d.outcome()).isEqualTo(LoadOutcome.SKIPPED_DUPLICATE);
    }
}
