package io.sfinbound.extractor.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.kafka.Json;
import io.sfinbound.extractor.salesforce.SObjectDescribe;

/**
 * A Bulk CSV row and the same record's REST JSON normalize to identical JSON. Plain JUnit with hand-written describes
 * covering every type family; the same property is checked against the simulator by {@code BulkExtractionTest}.
 */
class CsvToJsonTest {

    static SObjectDescribe describe(String json) throws Exception {
        return SObjectDescribe.parse(Json.mapper().readTree(json));
    }

    static final String CASE = """
            {"name":"Case","fields":[
             {"name":"Id","type":"id"},
             {"name":"Subject","type":"string"},
             {"name":"IsClosed","type":"boolean"},
             {"name":"Score__c","type":"double"},
             {"name":"Amount__c","type":"currency"},
             {"name":"Visits__c","type":"int"},
             {"name":"ClosedDate","type":"datetime"},
             {"name":"Due__c","type":"date"},
             {"name":"OwnerId","type":"reference","relationshipName":"Owner","referenceTo":["User","Group"]},
             {"name":"ContactId","type":"reference","relationshipName":"Contact","referenceTo":["Contact"]},
             {"name":"SystemModstamp","type":"datetime"}]}""";
    static final String USER = """
            {"name":"User","fields":[{"name":"Id","type":"id"},{"name":"Name","type":"string"},{"name":"IsActive","type":"boolean"}]}""";
    static final String CONTACT = """
            {"name":"Contact","fields":[{"name":"Id","type":"id"},{"name":"Email","type":"email"}]}""";

    @Test
    void csvRowEqualsTheNormalizedRestRecord() throws Exception {
        Map<String, SObjectDescribe> describes = Map.of("User", describe(USER), "Contact", describe(CONTACT));
        FieldTypeResolver types = new FieldTypeResolver(describe(CASE), describes::get);

        String rest = """
                {"attributes":{"type":"Case","url":"/services/data/v62.0/sobjects/Case/500A"},
                 "Id":"500A","Subject":"Broken, \\"really\\"\\nbroken","IsClosed":true,"Score__c":4.0,"Amount__c":1250.5,
                 "Visits__c":3,"ClosedDate":"2026-01-05T10:20:30.000+0000","Due__c":"2026-02-01",
                 "Owner":{"attributes":{"type":"User","url":"/x"},"Name":"Ann Lee","IsActive":false},
                 "Contact":null,"SystemModstamp":"2026-01-05T10:20:31.000+0000"}""";
        String csv = "Id,Subject,IsClosed,Score__c,Amount__c,Visits__c,ClosedDate,Due__c,Owner.Name,Owner.IsActive,Contact.Email,SystemModstamp\n"
                + "\"500A\",\"Broken, \"\"really\"\"\nbroken\",\"true\",\"4\",\"1250.5\",\"3\",\"2026-01-05T10:20:30.000Z\",\"2026-02-01\","
                + "\"Ann Lee\",\"false\",,\"2026-01-05T10:20:31.000Z\"\n";

        ObjectNode fromRest = RecordNormalizer.fromRest(Json.mapper().readTree(rest), types);
        ObjectNode fromCsv;
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            CsvRecordConverter c = new CsvRecordConverter(p.getHeaderNames(), types);
            CSVRecord row = p.iterator().next();
            fromCsv = c.convert(row);
        }
        assertThat(fromCsv).isEqualTo(fromRest);
        assertThat(Json.mapper().writeValueAsString(fromCsv)).isEqualTo(Json.mapper().writeValueAsString(fromRest));
        assertThat(fromCsv.get("Score__c").isDouble()).isTrue();
        assertThat(fromCsv.get("Contact").isNull()).isTrue();
        assertThat(fromCsv.get("ClosedDate").asText()).isEqualTo("2026-01-05T10:20:30.000+0000");
        assertThat(fromRest.has("attributes")).isFalse();
        assertThat(fromRest.get("Owner").has("attributes")).isFalse();
    }

    @Test
    void emptyCellsAreNullAndUnknownColumnsStayText() throws Exception {
        FieldTypeResolver types = new FieldTypeResolver(describe(CASE), o -> null);
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader("Id,Subject,Visits__c,owner.name,Mystery\n500B,,,,42\n"))) {
            JsonNode n = new CsvRecordConverter(p.getHeaderNames(), types).convert(p.iterator().next());
            assertThat(n.get("Subject").isNull()).isTrue();
            assertThat(n.get("Visits__c").isNull()).isTrue();
            assertThat(n.get("Owner").isNull()).as("canonical relationship spelling, empty lookup").isTrue();
            assertThat(n.get("Mystery").asText()).isEqualTo("42");
        }
    }

    @Test
    void datetimesOfEveryFormAreNormalizedToTheRestForm() {
        assertThat(SalesforceDates.formatDateTime(SalesforceDates.parseInstant("2026-01-05T10:20:30Z"))).isEqualTo("2026-01-05T10:20:30.000+0000");
        assertThat(SalesforceDates.formatDateTime(SalesforceDates.parseInstant("2026-01-05T12:20:30.5+02:00")))
                .isEqualTo("2026-01-05T10:20:30.500+0000");
        assertThat(SalesforceDates.formatDateTime(SalesforceDates.parseInstant("2026-01-05T10:20:30.000+0000")))
                .isEqualTo("2026-01-05T10:20:30.000+0000");
        assertThat(SalesforceDates.parseInstant("2026-01-05")).isEqualTo(java.time.Instant.parse("2026-01-05T00:00:00Z"));
    }
}
