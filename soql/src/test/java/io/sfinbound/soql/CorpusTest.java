package io.sfinbound.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sfinbound.soql.ast.SoqlQuery;

/**
 * Every query of the real-world corpus parses, prints to canonical SOQL that parses back to the same AST, and
 * printing is a fixed point. Plain JUnit: parser and printer are pure functions.
 */
class CorpusTest {

    static List<String> corpus() throws IOException {
        String text;
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/valid-queries.soql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> queries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("--")) {
                continue;
            }
            if (line.isBlank()) {
                if (current.length() > 0) {
                    queries.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
        }
        if (current.length() > 0) {
            queries.add(current.toString());
        }
        return queries;
    }

    static Stream<String> queries() throws IOException {
        return corpus().stream();
    }

    @Test
    void corpusHasAtLeast150Queries() throws IOException {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(150).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("queries")
    void parsesAndPrintsBack(String soql) {
        SoqlQuery q = Soql.parse(soql);
        String printed = Soql.print(q);
        SoqlQuery again = Soql.parse(printed);
        assertThat(again).isEqualTo(q);
        assertThat(Soql.print(again)).isEqualTo(printed);
    }
}
