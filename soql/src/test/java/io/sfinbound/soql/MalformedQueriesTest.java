package io.sfinbound.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each malformed query fails with its exact error code, line, column and Salesforce-style message. Plain JUnit: the
 * parser is a pure function.
 */
class MalformedQueriesTest {

    static List<String[]> table() throws IOException {
        String text;
        try (InputStream in = MalformedQueriesTest.class.getResourceAsStream("/corpus/malformed-queries.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            assertThat(cols).as(line).hasSize(5);
            rows.add(cols);
        }
        return rows;
    }

    static Stream<Arguments> cases() throws IOException {
        return table().stream().map(c -> Arguments.of(c[0].replace("\u2424", "\n"), c[1], Integer.parseInt(c[2]),
                Integer.parseInt(c[3]), c[4]));
    }

    @Test
    void atLeastFiftyCases() throws IOException {
        assertThat(table()).hasSizeGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void failsWithTheExactPositionAndMessage(String soql, String code, int line, int column, String message) {
        SoqlException e = catchThrowableOfType(SoqlException.class, () -> Soql.parse(soql));
        assertThat(e).as(soql).isNotNull();
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.getCause()).isNull();
        // the offset points at the same place as line and column
        int offset = e.offset();
        int l = 1;
        int c = 1;
        for (int i = 0; i < offset; i++) {
            if (soql.charAt(i) == '\n') {
                l++;
                c = 1;
            } else {
                c++;
            }
        }
        assertThat(l).isEqualTo(line);
        assertThat(c).isEqualTo(column);
        if (message.startsWith("unexpected token: ")) {
            assertThat(soql.substring(offset)).startsWith(e.unexpected());
        }
    }

    @Test
    void statementsOver100000CharactersAreRejected() {
        String padding = " ".repeat(100_000);
        assertThatThrownBy(() -> Soql.parse("SELECT Id FROM Account" + padding))
                .isInstanceOf(SoqlException.class)
                .hasMessage("SOQL statements cannot be longer than 100,000 characters at line 1, column 100001");
        String ok = "SELECT Id FROM Account" + " ".repeat(100_000 - 22);
        assertThat(Soql.parse(ok).objectName()).isEqualTo("Account");
    }

    @Test
    void stringLiteralsOver4000CharactersAreRejected() {
        assertThatThrownBy(() -> Soql.parse("SELECT Id FROM Case WHERE Subject = '" + "x".repeat(4001) + "'"))
                .isInstanceOf(SoqlException.class)
                .hasMessage("string literal longer than 4,000 characters at line 1, column 37");
        assertThat(Soql.parse("SELECT Id FROM Case WHERE Subject = '" + "x".repeat(4000) + "'").where()).isNotNull();
    }

    @Test
    void nullAndEmptyQueries() {
        assertThatThrownBy(() -> Soql.parse(null)).isInstanceOf(SoqlException.class)
                .hasMessage("unexpected end of query at line 1, column 1; expected SELECT");
        assertThatThrownBy(() -> Soql.parse("  \n ")).isInstanceOf(SoqlException.class)
                .hasMessage("unexpected end of query at line 2, column 2; expected SELECT");
    }
}
