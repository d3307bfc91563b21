package io.sfinbound.sim.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sfinbound.sim.schema.Catalog;
import io.sfinbound.sim.schema.ObjectDef;

/**
 * The deterministic generator as plain logic (no HTTP or CDI involved, so not a @QuarkusTest): values are a pure
 * function of (seed, object, index), natural order holds, and a million records stream without being held.
 */
class GeneratorTest {

    private static final Catalog C = Catalog.get();

    private static ObjectSettings settings(String object, long count, String interval, int same) {
        ObjectSettings d = ObjectSettings.DEFAULTS.get(object);
        return new ObjectSettings(count == 0 ? d.count() : count, d.start(), interval == null ? d.interval() : Duration.parse(interval),
                same, d.updateRatio(), d.deleteRatio(), d.bodySize(), d.minPerParent(), d.maxPerParent());
    }

    @Test
    void sameSeedSameRecordsOtherSeedOtherRecords() {
        DataStore a = DataStore.withDefaults(7);
        DataStore b = DataStore.withDefaults(7);
        DataStore c = DataStore.withDefaults(8);
        for (String object : List.of(Catalog.TRANSCRIPT, Catalog.ENTRY, Catalog.FEEDBACK, Catalog.CASE, Catalog.QUESTION_RESPONSE)) {
            ObjectDef o = C.require(object);
            SimRecord ra = a.scanByIndex(o, -1, true).next();
            SimRecord rb = b.scanByIndex(o, -1, true).next();
            assertThat(ra.snapshot()).isEqualTo(rb.snapshot());
            assertThat(ra.snapshot()).isNotEqualTo(c.scanByIndex(o, -1, true).next().snapshot());
        }
    }

    @Test
    void idsEncodeTheIndexWithSalesforceChecksums() {
        String id = Ids.of("570", 123456789L);
        assertThat(id).hasSize(18).startsWith("5705g");
        assertThat(Ids.index(id)).contains(123456789L);
        assertThat(Ids.index(id.substring(0, 15))).contains(123456789L);
        assertThat(Ids.index(id.substring(0, 15) + "AAA")).isEmpty();
        assertThat(Ids.of("570", 9).compareTo(Ids.of("570", 10))).isNegative();
        assertThat(Ids.of("570", 35).compareToIgnoreCase(Ids.of("570", 36))).isNegative();
    }

    @Test
    void transcriptBodyIsSalesforceHtml() {
        DataStore s = DataStore.withDefaults(42);
        Iterator<SimRecord> it = s.scanByIndex(C.require(Catalog.TRANSCRIPT), -1, false);
        int chatbots = 0;
        int transfers = 0;
        while (it.hasNext()) {
            SimRecord r = it.next();
            String body = (String) r.field("Body");
            assertThat(body).startsWith("<p align=\"center\">Chat Started: ")
                    .containsPattern("Chat Started: \\w+day, \\w+ \\d{1,2}, \\d{4}, \\d\\d:\\d\\d:\\d\\d \\(\\+0000\\)</p>")
                    .contains("<p align=\"center\">Chat Origin: ")
                    .containsPattern("\\( (\\d+h )?(\\d+m )?\\d+s \\) [^:<]+: ");
            assertThat(body).doesNotContain("'");
            Instant start = (Instant) r.field("StartTime");
            Instant end = (Instant) r.field("EndTime");
            assertThat(Duration.between(start, end).getSeconds()).isEqualTo(((Integer) r.field("ChatDuration")).longValue());
            assertThat(end).isBefore(r.created());
            if (Boolean.TRUE.equals(r.field("IsChatbotSession"))) {
                chatbots++;
                assertThat(body).contains("successfully transferred the chat");
            }
            if (body.contains("Chat Transferred From ")) {
                transfers++;
            }
            List<SimRecord> events = s.children(r, C.require(Catalog.TRANSCRIPT).childRelationship("LiveChatTranscriptEvents").orElseThrow());
            assertThat(events).isNotEmpty();
            assertThat(events.get(0).field("Type")).isEqualTo("ChatRequest");
            assertThat(events.get(events.size() - 1).field("Type")).isIn("EndVisitor", "EndAgent");
        }
        assertThat(chatbots).isPositive();
        assertThat(transfers).isPositive();
    }

    @Test
    void naturalOrderAndTimestampSearchHoldForAMillionRecordsWithoutHoldingThem() {
        DataStore s = new DataStore(1, o -> o.equals(Catalog.TRANSCRIPT) ? settings(o, 1_000_000, "PT1S", 3) : ObjectSettings.DEFAULTS.get(o));
        ObjectDef t = C.require(Catalog.TRANSCRIPT);
        ObjectSpace space = s.space(Catalog.TRANSCRIPT);
        Instant mid = space.baseStamp(600_000);
        long first = space.firstAtOrAfter(mid);
        assertThat(space.baseStamp(first)).isEqualTo(mid);
        assertThat(first == 0 || space.baseStamp(first - 1).isBefore(mid)).isTrue();
        assertThat(space.baseStamp(0)).isEqualTo(space.baseStamp(2));
        Iterator<SimRecord> it = s.scanByStamp(t, null, null, null, false);
        long n = 0;
        Pos previous = null;
        while (it.hasNext()) {
            Pos p = it.next().pos();
            if (previous != null) {
                assertThat(p).isGreaterThan(previous);
            }
            previous = p;
            n++;
        }
        assertThat(n).isEqualTo(1_000_000);
        Iterator<SimRecord> window = s.scanByStamp(t, null, mid, mid.plusSeconds(10), false);
        List<Long> ids = new ArrayList<>();
        window.forEachRemaining(r -> ids.add(r.index()));
        assertThat(ids).isNotEmpty().allSatisfy(i -> assertThat(space.baseStamp(i)).isBetween(mid, mid.plusSeconds(10)));
    }

    @Test
    void aReaderAtAnOlderVersionSeesTheDataAsItWasThen() {
        DataStore s = DataStore.withDefaults(5);
        ObjectDef f = C.require(Catalog.FEEDBACK);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        List<Long> before = new ArrayList<>();
        s.scanByStamp(f, null, null, null, false).forEachRemaining(r -> before.add(r.index()));
        Object rating = s.record(f, 4).orElseThrow().field("Rating__c");
        long v0 = s.version();
        s.update(f, List.of(4L), Map.of("Rating__c", 99.0), now);
        long v1 = s.version();
        s.update(f, List.of(4L), Map.of("Rating__c", 98.0), now.plusSeconds(5));
        s.setDeleted(f, List.of(5L), true, now);
        s.purge(f, List.of(6L));
        s.add(f, 3, Instant.parse("2024-01-01T00:00:00Z"), null);
        List<Long> then = new ArrayList<>();
        s.scanByStamp(f, null, null, null, false, v0).forEachRemaining(r -> then.add(r.index()));
        assertThat(then).isEqualTo(before);
        List<Long> byIndex = new ArrayList<>();
        s.scanByIndex(f, -1, true, v0).forEachRemaining(r -> byIndex.add(r.index()));
        assertThat(byIndex).isEqualTo(before.stream().sorted().toList());
        assertThat(s.record(f, 4, v0).orElseThrow().field("Rating__c")).isEqualTo(rating);
        assertThat(s.record(f, 4, v1).orElseThrow().field("Rating__c")).isEqualTo(99.0);
        assertThat(s.record(f, 4).orElseThrow().field("Rating__c")).isEqualTo(98.0);
        assertThat(s.record(f, 6, v0)).isPresent();
        assertThat(s.record(f, 6)).isEmpty();
        // a reader at v1 sees the first update at its new place (the end), not yet the second one
        List<Long> atV1 = new ArrayList<>();
        s.scanByStamp(f, null, null, null, false, v1).forEachRemaining(r -> atV1.add(r.index()));
        assertThat(atV1).hasSize(before.size()).endsWith(4L).containsOnlyOnce(4L);
    }

    @Test
    void runTimeChangesMergeIntoTheNaturalOrder() {
        DataStore s = DataStore.withDefaults(3);
        ObjectDef f = C.require(Catalog.FEEDBACK);
        long size = s.space(Catalog.FEEDBACK).baseSize();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        s.update(f, List.of(0L), Map.of("Rating__c", 1.0), now);
        s.setDeleted(f, List.of(1L), true, now.plusSeconds(1));
        s.purge(f, List.of(2L));
        List<SimRecord> late = s.add(f, 2, Instant.parse("2025-01-01T00:00:30Z"), null);
        List<Long> order = new ArrayList<>();
        s.scanByStamp(f, null, null, null, false).forEachRemaining(r -> order.add(r.index()));
        assertThat(order).hasSize((int) size - 2 + 2).doesNotContain(1L, 2L).endsWith(0L);
        assertThat(order.indexOf(late.get(0).index())).isLessThan(5);
        List<Long> all = new ArrayList<>();
        s.scanByStamp(f, null, null, null, true).forEachRemaining(r -> all.add(r.index()));
        assertThat(all).endsWith(0L, 1L).doesNotContain(2L);
        assertThat(s.record(f, 0).orElseThrow().field("Rating__c")).isEqualTo(1.0);
        s.reset();
        assertThat(s.record(f, 2)).isPresent();
        assertThat(s.record(f, late.get(0).index())).isEmpty();
    }
}
