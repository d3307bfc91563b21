package io.sfinbound.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KafkaRawTest {

    @Test
    void readsTheProducersFinalLine() {
        String out = """
                49153 records sent, 9830.6 records/sec (22.50 MB/sec), 1114.3 ms avg latency, 1608.0 ms max latency.
                100000 records sent, 10412.3 records/sec (23.83 MB/sec), 1090.12 ms avg latency, 1608.00 ms max latency, 1080 ms 50th, 1500 ms 95th, 1600 ms 99th, 1608 ms 99.9th.
                """;
        KafkaRaw.Produced p = KafkaRaw.parseProducer(out);
        assertThat(p.records()).isEqualTo(100000);
        assertThat(p.recordsPerSecond()).isEqualTo(10412.3);
        assertThat(p.mbPerSecond()).isEqualTo(23.83);
    }

    @Test
    void readsTheConsumersColumnsByName() {
        String out = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-29 04:01:02:123, 2026-11-29 04:01:12:123, 240.0000, 24.0000, 100000, 10000.0000, 3000, 7000, 34.2857, 14285.7143
                """;
        KafkaRaw.Consumed c = KafkaRaw.parseConsumer(out);
        assertThat(c.records()).isEqualTo(100000);
        assertThat(c.recordsPerSecond()).isEqualTo(10000.0);
        assertThat(c.fetchRecordsPerSecond()).isEqualTo(14285.7143);
        assertThat(c.mbPerSecond()).isEqualTo(24.0);
    }

    @Test
    void outputWithoutFiguresIsAnError() {
        assertThatThrownBy(() -> KafkaRaw.parseProducer("org.apache.kafka.common.errors.TimeoutException")).hasMessageContaining("records sent");
        assertThatThrownBy(() -> KafkaRaw.parseConsumer("WARN nothing")).hasMessageContaining("start.time");
    }

    @Test
    void combinedIsOnePassThroughBoth() {
        // producing 100,000 at 20,000/s takes 5 s, consuming at 50,000/s 2 s: 7 s in all
        assertThat(KafkaRaw.combined(20_000, 50_000)).isCloseTo(100_000 / 7.0, within(0.01));
        assertThat(KafkaRaw.combined(0, 50_000)).isZero();
    }
}
