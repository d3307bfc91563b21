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
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Validate Query and Download sample data against the Salesforce simulator (real OAuth, describe, explain, query). */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
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
    }

    @Test
    void shouldDownloadSampleDataWithExactColumnNames() throws Exception {
        long connectionId = simulatorConnection();
        byte[] xlsx = Api.admin().body(Map.of("connectionId", connectionId, "soql", SOQL.replace("Status", "status")))
                .post("/api/query-validation/sample-data.xlsx").then().statusCode(200)
                .contentType(QueryValidationResource.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            List<String> names = new java.util.ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue()));
            // the query says "status"; the file shows the org's spelling that the mapping must use
            assertThat(names).contains("Id", "Status", "ChatDuration", "CreatedDate").doesNotContain("status");
            assertThat(sheet.getLastRowNum()).isBetween(1, 5);
        }
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
