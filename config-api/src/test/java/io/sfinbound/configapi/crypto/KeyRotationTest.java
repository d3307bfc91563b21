package io.sfinbound.configapi.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.FakeTokenEndpoint;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import io.sfinbound.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** Key rotation re-encrypts secrets stored under an older key; they still work afterwards. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class KeyRotationTest {

    /** The second (older) key of the test profile. */
    static final String OLD_KEY = "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void shouldReencryptSecretsUnderTheCurrentKey() throws Exception {
        FakeTokenEndpoint salesforce = new FakeTokenEndpoint();
        try (salesforce; Connection db = DriverManager.getConnection(TestPostgres.jdbcUrl("sfinbound_config_test"), TestPostgres.user(),
                TestPostgres.password())) {
            long id = Api.createConnection(Api.passwordConnection(salesforce.url()));
            String plain = "{\"consumerSecret\":\"" + FakeTokenEndpoint.CLIENT_SECRET + "\",\"password\":\"" + FakeTokenEndpoint.PASSWORD
                    + "\",\"securityToken\":\"" + FakeTokenEndpoint.SECURITY_TOKEN + "\"}";
            String old = SecretCipher.of(List.of(OLD_KEY)).encrypt(plain, "connection/" + id + "/secrets");
            try (Statement s = db.createStatement()) {
                s.executeUpdate("UPDATE connection SET secrets_enc = '" + old + "' WHERE id = " + id);
            }
            Api.admin().post("/api/admin/encryption/rotate").then().statusCode(200).body("currentKeyId", equalTo("test2"));
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT secrets_enc FROM connection WHERE id = " + id)) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("v1:test2:");
            }
            Api.service().body(Map.of()).post("/internal/connections/" + id + "/token").then().statusCode(200);
            Api.as(Api.issueKey("JOB_MANAGER")).post("/api/admin/encryption/rotate").then().statusCode(403);
        }
    }
}
