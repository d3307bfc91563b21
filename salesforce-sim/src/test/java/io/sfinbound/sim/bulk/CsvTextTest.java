package io.sfinbound.sim.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Bulk CSV value rendering per field type, as Salesforce's Bulk API 2.0 query results (sources in CsvWriter#text). */
class CsvTextTest {

    @Test
    void eachTypeRendersAsBulkQueryResults() {
        // boolean
        assertThat(CsvWriter.text(Boolean.TRUE)).isEqualTo("true");
        assertThat(CsvWriter.text(Boolean.FALSE)).isEqualTo("false");
        // int
        assertThat(CsvWriter.text(500)).isEqualTo("500");
        assertThat(CsvWriter.text(-3)).isEqualTo("-3");
        // double, currency, percent: Double.toString, scientific from 10^7
        assertThat(CsvWriter.text(5.0)).isEqualTo("5.0");
        assertThat(CsvWriter.text(1234.56)).isEqualTo("1234.56");
        assertThat(CsvWriter.text(12.5)).isEqualTo("12.5");
        assertThat(CsvWriter.text(9999999.0)).isEqualTo("9999999.0");
        assertThat(CsvWriter.text(9.0E7)).isEqualTo("9.0E7");
        assertThat(CsvWriter.text(99213206.0)).isEqualTo("9.9213206E7");
        assertThat(CsvWriter.text(16147805824397.0)).isEqualTo("1.6147805824397E13");
        assertThat(CsvWriter.text(0.0005)).isEqualTo("5.0E-4");
        // date, datetime (UTC, millis, Z)
        assertThat(CsvWriter.text(LocalDate.of(2025, 1, 31))).isEqualTo("2025-01-31");
        assertThat(CsvWriter.text(Instant.parse("2018-12-10T17:50:19Z"))).isEqualTo("2018-12-10T17:50:19.000Z");
        assertThat(CsvWriter.text(Instant.parse("2018-12-10T17:50:19.123456Z"))).isEqualTo("2018-12-10T17:50:19.123Z");
        // text and raw planted values as given
        assertThat(CsvWriter.text("a \"b\", c")).isEqualTo("a \"b\", c");
        assertThat(CsvWriter.text(new java.math.BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
    }
}
