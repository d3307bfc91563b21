package io.sfinbound.benchmarks;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.kafka.Json;
import io.sfinbound.extractor.normalize.CsvRecordConverter;
import io.sfinbound.extractor.normalize.FieldTypeResolver;
import io.sfinbound.extractor.normalize.RecordNormalizer;
import io.sfinbound.extractor.salesforce.SObjectDescribe;

/**
 * The extractor's decoding of one result page of 2,000 LiveChatTranscript records with 2 KB bodies into normalized
 * JSON: a REST query page (parse the JSON page, normalize every record) and a Bulk API 2.0 CSV page (commons-csv,
 * then {@link CsvRecordConverter}), both driven by the same describe types. Scores are records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormalizeBenchmark {

    static final int PAGE = 2_000;
    private static final String[] FIELDS = {"Id", "Name", "Body", "ChatKey", "Status", "ChatDuration", "StartTime",
        "EndTime", "LastModifiedDate", "Owner.Name"};
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final ObjectMapper mapper = Json.mapper();
    private byte[] restPage;
    private byte[] csvPage;
    private FieldTypeResolver types;

    @Setup
    public void setUp() throws IOException {
        SObjectDescribe chat = describe("LiveChatTranscript", Map.of("Id", "id", "Name", "string", "Body", "textarea",
                "ChatKey", "string", "Status", "picklist", "ChatDuration", "int", "StartTime", "datetime", "EndTime",
                "datetime", "LastModifiedDate", "datetime"), true);
        SObjectDescribe user = describe("User", Map.of("Id", "id", "Name", "string"), false);
        types = new FieldTypeResolver(chat, object -> "User".equalsIgnoreCase(object) ? user : null);

        ObjectNode page = mapper.createObjectNode();
        page.put("totalSize", 1_000_000).put("done", false).put("nextRecordsUrl", "/services/data/v62.0/query/01gXX-2000");
        ArrayNode records = page.putArray("records");
        StringBuilder csv = new StringBuilder(String.join(",", FIELDS)).append('\n');
        for (int i = 0; i < PAGE; i++) {
            String id = String.format("570%015d", i);
            String body = body(i);
            Instant start = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(30L * i);
            ObjectNode r = records.addObject();
            r.putObject("attributes").put("type", "LiveChatTranscript").put("url", "/services/data/v62.0/sobjects/LiveChatTranscript/" + id);
            r.put("Id", id).put("Name", "00000" + i).put("Body", body).put("ChatKey", "key-" + i).put("Status", "Completed")
                    .put("ChatDuration", 300 + i % 600).put("StartTime", sf(start)).put("EndTime", sf(start.plusSeconds(300)))
                    .put("LastModifiedDate", sf(start.plusSeconds(600)));
            ObjectNode owner = r.putObject("Owner");
            owner.putObject("attributes").put("type", "User");
            owner.put("Name", "Agent " + (i % 40));
            csv.append(id).append(',').append("00000").append(i).append(",\"").append(body.replace("\"", "\"\"")).append("\",")
                    .append("key-").append(i).append(",Completed,").append(300 + i % 600).append(',').append(sf(start)).append(',')
                    .append(sf(start.plusSeconds(300))).append(',').append(sf(start.plusSeconds(600))).append(",Agent ")
                    .append(i % 40).append('\n');
        }
        restPage = mapper.writeValueAsBytes(page);
        csvPage = csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A REST page as the extractor reads it: the whole JSON page, then every record normalized. */
    @Benchmark
    @OperationsPerInvocation(PAGE)
    public void restPage(Blackhole bh) throws IOException {
        JsonNode page = mapper.readTree(restPage);
        for (JsonNode record : page.path("records")) {
            bh.consume(RecordNormalizer.fromRest(record, types));
        }
    }

    /** A Bulk CSV page as the extractor streams it: commons-csv row by row, each converted. */
    @Benchmark
    @OperationsPerInvocation(PAGE)
    public void bulkCsvPage(Blackhole bh) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(csvPage), StandardCharsets.UTF_8);
                CSVParser parser = CSV.parse(reader)) {
            CsvRecordConverter converter = new CsvRecordConverter(parser.getHeaderNames(), types);
            for (CSVRecord row : parser) {
                bh.consume(converter.convert(row));
            }
        }
    }

    private static String body(int i) {
        StringBuilder b = new StringBuilder(2_100);
        int line = 0;
        while (b.length() < 2_048) {
            b.append(line % 2 == 0 ? "( 1m 2s ) Visitor: " : "( 1m 9s ) Agent Smith: ")
                    .append("Hello, I have a question about order ").append(i).append(", can you \"help\"? Thanks.\n");
            line++;
        }
        return b.toString();
    }

    private static String sf(Instant t) {
        return t.toString().replace("Z", ".000+0000");
    }

    private SObjectDescribe describe(String name, Map<String, String> fields, boolean withOwner) {
        ObjectNode d = mapper.createObjectNode().put("name", name);
        ArrayNode fs = d.putArray("fields");
        fields.forEach((f, t) -> fs.addObject().put("name", f).put("type", t).putNull("relationshipName"));
        if (withOwner) {
            ObjectNode owner = fs.addObject().put("name", "OwnerId").put("type", "reference").put("relationshipName", "Owner");
            owner.putArray("referenceTo").add("User");
        }
        return SObjectDescribe.parse(d);
    }
}
