package io.sfinbound.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.eval.EvalContext;
import io.sfinbound.soql.eval.QueryResult;
import io.sfinbound.soql.eval.RecordSource;
import io.sfinbound.soql.eval.SoqlEvaluator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property: running the extractor's loop (pages of {@link Soql#incremental} over consecutive windows, the
 * watermark advanced to the last row's (date, Id)) against the evaluator never loses nor repeats a record, on data
 * with many equal timestamps. The query goes through its printed text, as it would over HTTP. Also: no watermark Id
 * string can change the query's structure. Plain jqwik, no container: the rewrite and the evaluator are pure
 * functions.
 */
class IncrementalWindowsPropertyTest {

    private static final Instant BASE = Instant.parse("2024-03-01T00:00:00Z");
    private static final EvalContext CTX = EvalContext.systemUtc();

    /** A generated record: its Id, its date-field offset in seconds (or days), or null, and a status. */
    record Row(String id, Integer slot, String status) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Integer> slot = Arbitraries.integers().between(0, 12).injectNull(0.05);
        Arbitrary<String> status = Arbitraries.of("New", "new", "Closed", "Escalated");
        return Arbitraries.integers().between(0, 1_000_000).set().ofMinSize(0).ofMaxSize(120)
                .flatMap(ids -> {
                    List<Integer> idList = new ArrayList<>(ids);
                    return Combinators.combine(slot.list().ofSize(idList.size()), status.list().ofSize(idList.size()))
                            .as((slots, statuses) -> {
                                List<Row> out = new ArrayList<>();
                                for (int i = 0; i < idList.size(); i++) {
                                    out.add(new Row(sfId(idList.get(i)), slots.get(i), statuses.get(i)));
                                }
                                return out;
                            });
                });
    }

    /** An 18-character Id with upper-case letters and digits, unique per number (also ignoring case). */
    private static String sfId(int n) {
        String b36 = Integer.toString(n, 36).toUpperCase();
        return "500" + "0".repeat(15 - b36.length()) + b36;
    }

    @Provide
    Arbitrary<List<Integer>> windowEnds() {
        return Arbitraries.integers().between(-1, 14).list().ofMinSize(1).ofMaxSize(5)
                .map(l -> l.stream().sorted().collect(Collectors.toList()));
    }

    @Property(tries = 300)
    void consecutiveWindowsNeverLoseNorRepeatARecord(@ForAll("rows") List<Row> rows,
                                                     @ForAll("windowEnds") List<Integer> windowEnds,
                                                     @ForAll @IntRange(min = 1, max = 7) int pageSize,
                                                     @ForAll boolean dateOnly,
                                                     @ForAll boolean withUserFilter) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Id", r.id());
            m.put("Status", r.status());
            m.put("LastModified", r.slot() == null ? null
                    : dateOnly ? LocalDate.ofInstant(BASE, ZoneOffset.UTC).plusDays(r.slot())
                    : BASE.plusSeconds(r.slot()));
            records.add(m);
        }
        RecordSource source = RecordSource.of(Map.of("Case", records));
        SoqlQuery user = Soql.parse("SELECT Id, Status, LastModified FROM Case"
                + (withUserFilter ? " WHERE Status = 'NEW' OR Status = 'Escalated'" : "") + " ORDER BY Status");
        SoqlEvaluator evaluator = new SoqlEvaluator();

        Instant wmDate = null;
        String wmId = null;
        List<String> seen = new ArrayList<>();
        for (int end : windowEnds) {
            Instant windowEnd = dateOnly ? BASE.plus(java.time.Duration.ofDays(end)) : BASE.plusSeconds(end);
            while (true) {
                IncrementalWindow w = new IncrementalWindow("LastModified", dateOnly, wmDate, wmId, windowEnd,
                        pageSize);
                SoqlQuery page = Soql.parse(Soql.print(Soql.incremental(user, w)));
                QueryResult result = evaluator.evaluate(page, source, CTX);
                for (Map<String, Object> rec : result.records()) {
                    seen.add((String) rec.get("Id"));
                }
                if (!result.records().isEmpty()) {
                    Map<String, Object> last = result.records().get(result.records().size() - 1);
                    Object d = last.get("LastModified");
                    wmDate = d instanceof LocalDate ld ? ld.atStartOfDay(ZoneOffset.UTC).toInstant() : (Instant) d;
                    wmId = (String) last.get("Id");
                }
                if (result.records().size() < pageSize) {
                    break;
                }
            }
        }

        int lastEnd = windowEnds.get(windowEnds.size() - 1);
        Set<String> expected = new HashSet<>();
        for (Row r : rows) {
            boolean statusOk = !withUserFilter || r.status().equalsIgnoreCase("new")
                    || r.status().equals("Escalated");
            if (statusOk && r.slot() != null && r.slot() <= lastEnd) {
                expected.add(r.id());
            }
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
    }

    @Property(tries = 50)
    void countQueryOfAWindowMatchesTheRowsOfThatWindow(@ForAll("rows") List<Row> rows,
                                                       @ForAll @IntRange(min = 0, max = 12) int from,
                                                       @ForAll @IntRange(min = 0, max = 12) int to) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new HashMap<>();
            m.put("Id", r.id());
            m.put("LastModified", r.slot() == null ? null : BASE.plusSeconds(r.slot()));
            records.add(m);
        }
        RecordSource source = RecordSource.of(Map.of("Case", records));
        IncrementalWindow w = new IncrementalWindow("LastModified", false, BASE.plusSeconds(from), null,
                BASE.plusSeconds(to), null);
        SoqlQuery window = Soql.incremental(Soql.parse("SELECT Id FROM Case"), w);
        SoqlEvaluator evaluator = new SoqlEvaluator();
        long rowsInWindow = evaluator.evaluate(window, source, CTX).totalSize();
        long counted = evaluator.evaluate(Soql.parse(Soql.print(Soql.countQuery(window))), source, CTX).totalSize();
        assertThat(counted).isEqualTo(rowsInWindow);
        assertThat(rowsInWindow).isEqualTo(rows.stream()
                .filter(r -> r.slot() != null && r.slot() >= from && r.slot() <= to).count());
    }

    @Property(tries = 300)
    void noWatermarkIdCanInjectSoql(@ForAll String hostileId,
                                    @ForAll("instants") Instant from) {
        SoqlQuery user = Soql.parse("SELECT Id FROM Case WHERE Status = 'New'");
        IncrementalWindow w = new IncrementalWindow("SystemModstamp", false, from, hostileId, null, 10);
        SoqlQuery reparsed = Soql.parse(Soql.print(Soql.incremental(user, w)));
        assertThat(reparsed).isEqualTo(Soql.incremental(user, w));
        io.sfinbound.soql.ast.And where = (io.sfinbound.soql.ast.And) reparsed.where();
        assertThat(where.operands()).hasSize(2);
        io.sfinbound.soql.ast.Or keyset = (io.sfinbound.soql.ast.Or) where.operands().get(1);
        io.sfinbound.soql.ast.Comparison idBound = (io.sfinbound.soql.ast.Comparison)
                ((io.sfinbound.soql.ast.And) keyset.operands().get(1)).operands().get(1);
        assertThat(((io.sfinbound.soql.ast.StringLiteral) idBound.right()).value()).isEqualTo(hostileId);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
    }
}
