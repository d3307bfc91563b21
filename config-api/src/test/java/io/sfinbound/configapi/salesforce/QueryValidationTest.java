package io.sfinbound.configapi.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.configapi.support.TransformerTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Validate Query and Download sample data against the Salesforce simulator (real OAuth, describe, explain, query). */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
@WithTestResource(value = TransformerTestResource.class)
class QueryValidationTest {

    static final String SOQL = "SELECT Id, Body, Status, ChatDuration, CreatedDate, LastModifiedDate FROM LiveChatTranscript";

    @Test
    void shouldValidateAgainstTheOrgAndListOnlyTheQuerysDateFields() {
        long connectionId = simulatorConnection();
        Api.admin().post("/api/connections/" + connectionId + "/test").then().statusCode(200).body("ok", equalTo(true))
                .body("apiVersions", hasItem("62.0"));
        JsonPath v = Api.admin().body(Map.of("connectionId", connectionId, "apiVersion", "62.0", "soql", SOQL,
                "dateField", "LastModifiedDate")).post("/api/query-validation").then().statusCode(200).extract().jsonPath();
        assertThat(v.getString("object")).isEqualTo("LiveChatTranscript");
        assertThat(v.getList("dateFields")).containsExactly("CreatedDate", "LastModifiedDate");
        assertThat(v.getList("fields.path")).contains("Id", "Status", "ChatDuration");
        assertThat(v.getList("sampleRows")).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(v.getMap("sampleRows[0]")).containsKey("Id").doesNotContainKey("attributes");
        assertThat(v.getString("plan")).isNotNull();
        assertThat(v.getList("warnings", String.class)).anyMatch(w -> w.contains("full table scan"));
    }

    @Test
    void shouldNameWrongFieldsWithSuggestionAndCaseSensitiveMappings() {
        long connectionId = simulatorConnection();
        Api.admin().body(Map.of("connectionId", connectionId, "soql", "SELECT Id, Stauts, CreatedDate FROM LiveChatTranscript"))
                .post("/api/query-validation").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("soql")).body("errors[0].message", containsString("Stauts"))
                .body("errors[0].message", containsString("did you mean 'Status'")).body("errors[0].column", equalTo(12));
        Api.admin().body(Map.of("connectionId", connectionId, "soql", "SELECT Id, CreatedDate FROM LiveChatTranscript GROUP BY Id"))
                .post("/api/query-validation").then().statusCode(400).body("errors[0].message", containsString("GROUP BY"))
                .body("errors[0].line", equalTo(1));
        Map<String, Object> body = new HashMap<>(Map.of("connectionId", connectionId, "soql", SOQL, "dateField", "Status",
                "fieldMappings", List.of(Map.of("sourceField", "status", "targetAttribute", "status", "dataType", "TEXT"))));
        Api.admin().body(body).post("/api/query-validation").then().statusCode(400)
                .body("errors.field", hasItem("dateField"))
                .body("errors.find { it.field == 'fieldMappings[0].sourceField' }.message", containsString("use 'Status'"));
        Api.admin().body(Map.of("soql", SOQL)).post("/api/query-validation").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("connectionId"));
    }

    @Test
    void shouldDownloadSampleDataTransformedByTheTransformerWithExactColumnNames() throws Exception {
        long connectionId = simulatorConnection();
        Map<String, Object> body = new HashMap<>(Map.of("connectionId", connectionId, "soql", SOQL.replace("Status", "status"),
                "fieldMappings", List.of(Map.of("sourceField", "Status", "targetAttribute", "chatStatus", "dataType", "TEXT"))));
        byte[] xlsx = Api.admin().body(body)
                .post("/api/query-validation/sample-data.xlsx").then().statusCode(200)
                .contentType(QueryValidationResource.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet documents = wb.getSheet("Documents");
            List<String> columns = header(documents);
            // the mapping's target name exactly, from the transformer's documents
            assertThat(columns).contains("sourceRecordId", "outcome", "naturalId", "chatStatus").doesNotContain("Status");
            assertThat(documents.getLastRowNum()).isBetween(1, 5);
            int outcome = columns.indexOf("outcome");
            int naturalId = columns.indexOf("naturalId");
            for (int r = 1; r <= documents.getLastRowNum(); r++) {
                assertThat(documents.getRow(r).getCell(outcome).getStringCellValue()).isEqualTo("DOCUMENT");
                assertThat(documents.getRow(r).getCell(naturalId).getStringCellValue()).startsWith("Salesforce;");
            }
            // the query says "status"; the source sheet shows the org's spelling that the mapping must use
            assertThat(header(wb.getSheet("Source records"))).contains("Id", "Status", "ChatDuration", "CreatedDate")
                    .doesNotContain("status");
        }

        // a mapping naming a field in the wrong case is the transformer's 400, naming the field
        body.put("fieldMappings", List.of(Map.of("sourceField", "chatduration", "targetAttribute", "d", "dataType", "NUMBER")));
        Api.admin().body(body).post("/api/query-validation/sample-data.xlsx").then().statusCode(400)
                .contentType("application/problem+json");

        // without the transformer there is no sample rather than a guessed one
        TransformerTestResource.process().kill();
        body.remove("fieldMappings");
        Api.admin().body(body).post("/api/query-validation/sample-data.xlsx").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("transformer"));
    }

    private static List<String> header(Sheet sheet) {
        List<String> names = new java.util.ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    private static long simulatorConnection() {
        Map<String, Object> c = new HashMap<>();
        c.put("name", "simulator");
        c.put("loginUrl", System.getProperty(SimulatorTestResource.URL_KEY));
        c.put("authFlow", "USERNAME_PASSWORD");
        c.put("consumerKey", "sfinbound-demo-key");
        c.put("consumerSecret", "sfinbound-demo-secret");
        c.put("username", "demo@sfinbound.example");
        c.put("password", "demo-password");
        c.put("securityToken", "DEMOTOKEN");
        return Api.createConnection(c);
    }
}
