package io.sfinbound.benchmarks;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.sfinbound.soql.IncrementalWindow;
import io.sfinbound.soql.Soql;
import io.sfinbound.soql.ast.SoqlQuery;

/**
 * What the extractor does per window or page: parse the job's SOQL, rewrite it for the incremental window and print
 * it. The query is the chat transcript query of a typical LIVE_CHAT job.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SoqlBenchmark {

    static final String CHAT = "SELECT Id, Name, Body, StartTime, EndTime, Owner.Name, Contact.Email, Case.CaseNumber, "
            + "SystemModstamp FROM LiveChatTranscript WHERE Status = 'Completed' AND (Body LIKE '%refund%' "
            + "OR EndedBy = 'Visitor') AND CreatedDate = LAST_N_DAYS:30";

    private final IncrementalWindow window = new IncrementalWindow("SystemModstamp", false,
            Instant.parse("2024-05-01T10:00:00Z"), "500000000000001AAA", Instant.parse("2024-05-02T00:00:00Z"), 2000);

    @Benchmark
    public SoqlQuery parse() {
        return Soql.parse(CHAT);
    }

    @Benchmark
    public String parseRewritePrint() {
        return Soql.print(Soql.incremental(Soql.parse(CHAT), window));
    }
}
