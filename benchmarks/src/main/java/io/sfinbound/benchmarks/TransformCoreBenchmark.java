package io.sfinbound.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.job.Detector;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.transform.expression.CompiledExpression;
import io.sfinbound.transform.expression.ExpressionCompiler;
import io.sfinbound.transform.expression.Type;
import io.sfinbound.transform.redaction.TextRedactor;

/**
 * The transformer's per-record work that lives in {@code transform-core}: evaluating a compiled connector filter and
 * a value expression over a normalized record, compiling an expression (job save and first use), and substitution
 * plus redaction of a 2 KB chat transcript with every detector and a custom rule. Transcript parsing and mapping
 * stay in the transformer and are measured there ({@code TransformThroughputBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TransformCoreBenchmark {

    static final String FILTER = "Status = 'Completed' AND ChatDuration > 60 AND NOT(ISBLANK(Body))";
    static final String VALUE = "CONCAT(UPPER(Status), ' / ', Name)";

    private final ExpressionCompiler compiler = new ExpressionCompiler(Clock.systemUTC(), Duration.ofSeconds(1));
    private CompiledExpression filter;
    private CompiledExpression value;
    private ObjectNode record;
    private TextRedactor redactor;
    private String transcript;

    @Setup
    public void setUp() {
        filter = compiler.compile(FILTER, Type.BOOLEAN);
        value = compiler.compile(VALUE, Type.ANY);
        StringBuilder b = new StringBuilder();
        int line = 0;
        while (b.length() < 2_048) {
            b.append(line % 2 == 0 ? "( 1m 2s ) Visitor: " : "( 1m 9s ) Agent Smith: ").append(switch (line % 5) {
                case 0 -> "my card is 4111 1111 1111 1111 and it was charged twice";
                case 1 -> "please write to jane.doe@example.com or call +1 415 555 0100";
                case 2 -> "the order number is 100-2000-3000, thank you for waiting";
                case 3 -> "my IBAN is DE89 3704 0044 0532 0130 00, refund there";
                default -> "sure, I can help with that, one moment please";
            }).append('\n');
            line++;
        }
        transcript = b.toString();
        record = Json.mapper().createObjectNode().put("Id", "5705g00000000UJAAY").put("Name", "00001234")
                .put("Status", "Completed").put("ChatDuration", 300).put("Body", transcript);
        redactor = new TextRedactor.Factory(Duration.ofSeconds(1)).create(new RedactionSettings(null,
                "order number is [0-9-]+", EnumSet.allOf(Detector.class), null, List.of()));
    }

    @Benchmark
    public Object evaluateFilter() {
        return filter.evaluate(record, NullNode.getInstance());
    }

    @Benchmark
    public Object evaluateValueExpression() {
        return value.evaluate(record, record.get("Status"));
    }

    @Benchmark
    public CompiledExpression compileFilter() {
        return compiler.compile(FILTER, Type.BOOLEAN);
    }

    @Benchmark
    public TextRedactor.Result redactTranscript() {
        return redactor.redact(transcript);
    }
}
