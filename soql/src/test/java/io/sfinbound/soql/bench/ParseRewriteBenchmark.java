package io.sfinbound.soql.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.sfinbound.soql.IncrementalWindow;
import io.sfinbound.soql.Soql;
import io.sfinbound.soql.ast.SoqlQuery;

/**
 * JMH benchmark of what the extractor does per page: parse the user's query, rewrite it for the window, print it.
 * Run with the command in {@code soql/README.md}; not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseRewriteBenchmark {

    /** Typical connector queries: short, a chat transcript with relationships, a case with a child subquery. */
    private static final Map<String, String> QUERIES = Map.of(
            "short", "SELECT Id, Subject, Status FROM Case WHERE Status = 'Closed'",
            "chat", "SELECT Id, Name, Body, StartTime, EndTime, Owner.Name, Contact.Email, Case.CaseNumber, "
                    + "SystemModstamp FROM LiveChatTranscript WHERE Status = 'Completed' AND (Body LIKE '%refund%' "
                    + "OR EndedBy = 'Visitor') AND CreatedDate = LAST_N_DAYS:30",
            "caseWithComments", "SELECT Id, CaseNumber, Subject, Description, Account.Name, (SELECT Id, CommentBody, "
                    + "CreatedDate FROM CaseComments WHERE IsPublished = true ORDER BY CreatedDate) FROM Case WHERE "
                    + "Origin IN ('Web', 'Email', 'Chat') AND IsClosed = true AND ClosedDate > "
                    + "2024-01-01T00:00:00.000Z");

    @Param({"short", "chat", "caseWithComments"})
    public String query;

    private String soql;

    @Setup
    public void setUp() {
        soql = QUERIES.get(query);
    }

    private final IncrementalWindow window = new IncrementalWindow("SystemModstamp", false,
            Instant.parse("2024-05-01T10:00:00Z"), "500000000000001AAA", Instant.parse("2024-05-02T00:00:00Z"), 2000);

    @Benchmark
    public SoqlQuery parse() {
        return Soql.parse(soql);
    }

    @Benchmark
    public String parseRewritePrint() {
        return Soql.print(Soql.incremental(Soql.parse(soql), window));
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(ParseRewriteBenchmark.class.getSimpleName()).build();
        new Runner(options).run();
    }
}
