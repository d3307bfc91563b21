package io.sfinbound.transform.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sfinbound.common.kafka.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of the expression compiler and evaluator on random and mutated inputs: the only exception that may escape
 * is {@link ExpressionException} (compile or evaluation error with a position), and each input is done within a
 * generous deadline, so no input can hang a job save or a record. Not a timing test of speed: the deadline only
 * catches a runaway (exponential parsing, unbounded evaluation).
 */
class ExpressionFuzzTest {

    /** Generous: the CPU time of this thread, so that a machine shared by many builds does not fail the test. */
    static final Duration DEADLINE = Duration.ofSeconds(2);
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
    static final List<String> SEEDS = List.of(
            "IF(ChatDuration > 60, UPPER(Status), $value)",
            "CONCAT(Owner.Name, ' - ', TOTEXT(ROUND(ChatDuration / 60, 1)))",
            "Status = 'Completed' AND NOT ISBLANK(Owner.Name) OR CONTAINS(LOWER(Body), \"refund\")",
            "DATEFORMAT(DATEADD(DATEPARSE(CreatedDate), 2, 'day'), 'yyyy-MM-dd', 'Europe/Berlin')",
            "DATEDIFF(CreatedDate, NOW(), 'hour') >= 24 && LEN(TRIM(Status)) <> 0",
            "SUBSTRING(REPLACE([Odd Name], 'a', 'b'), 2, 3) & STARTSWITH(Status, 'C')",
            "ABS(-ChatDuration % 7) * 2.5 - TONUMBER('12')");
    static final List<String> TOKENS = List.of("(", ")", ",", "'", "\"", "[", "]", ".", "$value", "Status", "Owner.Name",
            "ChatDuration", "IF", "AND", "OR", "NOT", "&&", "||", "!", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "+", "-",
            "*", "/", "%", "&", "1", "0", "-1", "1e9999", "99999999999999999999", "0.5", "TRUE", "FALSE", "NULL", "UPPER",
            "CONCAT", "REPLACE", "SUBSTRING", "DATEADD", "DATEPARSE", "DATEFORMAT", "LEN", "ROUND", " ", "\n", "\t",
            "'abc'", "\"x\"", "\\", "\u0000", "\ud800", "😀", "${", "#{", "}", ";", "java.lang.Runtime", "getClass()");

    final ExpressionCompiler compiler = new ExpressionCompiler(Clock.systemUTC(), Duration.ofMillis(200));
    final JsonNode record = Json.mapper().valueToTree(Map.of("Status", "Completed", "ChatDuration", 212,
            "CreatedDate", "2024-05-20T20:49:32.000+0000", "Body", "I want a refund", "Odd Name", "banana",
            "Owner", Map.of("Name", "Royalle G")));

    @Property(tries = 400)
    void randomTokenSequencesFailOnlyWithPositions(@ForAll("tokenSequences") String source) {
        assertOnlyDocumentedFailures(source);
    }

    @Property(tries = 400)
    void mutatedExpressionsFailOnlyWithPositions(@ForAll("mutations") String source) {
        assertOnlyDocumentedFailures(source);
    }

    @Property(tries = 200)
    void arbitraryTextFailsOnlyWithPositions(@ForAll("anyText") String source) {
        assertOnlyDocumentedFailures(source);
    }

    void assertOnlyDocumentedFailures(String source) {
        long start = cpuNanos();
        for (Type expected : new Type[] {Type.ANY, Type.BOOLEAN}) {
            CompiledExpression compiled;
            try {
                compiled = compiler.compile(source, expected);
            } catch (ExpressionException e) {
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                continue;
            }
            try {
                compiled.evaluate(record, TextNode.valueOf("Completed"));
            } catch (ExpressionException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(Duration.ofNanos(cpuNanos() - start)).as("time for %s", source).isLessThan(DEADLINE);
    }

    @Provide
    Arbitrary<String> tokenSequences() {
        return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 1000);
        Arbitrary<String> insert = Arbitraries.of(TOKENS);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        return Combinators.combine(seed, at, insert, kind).as((s, pos, token, k) -> {
            int p = pos % (s.length() + 1);
            return switch (k) {
                case 0 -> s.substring(0, p) + token + s.substring(p); // insert
                case 1 -> s.substring(0, p) + s.substring(Math.min(s.length(), p + 1 + pos % 5)); // delete
                case 2 -> s.substring(0, p); // truncate
                default -> s.substring(0, p) + token.repeat(1 + pos % 80) + s.substring(p); // repeat a token
            };
        });
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }
}
