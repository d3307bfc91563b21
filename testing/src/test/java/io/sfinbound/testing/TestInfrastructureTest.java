package io.sfinbound.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The shared test infrastructure itself: a real broker and a real database. Plain JUnit: no application needed. */
class TestInfrastructureTest {

    @Test
    void shouldProduceAndConsumeOnTheEmbeddedBroker() throws Exception {
        String topic = "infra-" + UUID.randomUUID();
        String servers = EmbeddedKafka.bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", servers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", servers, "group.id", "infra", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 50 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo("v");
        }
    }

    @Test
    void shouldCreateAndConnectToATestDatabase() throws Exception {
        String url = TestPostgres.jdbcUrl("sfinbound_testing_test");
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("sfinbound_testing_test");
        }
    }
}
