package io.sfinbound.transformer.pipeline;

import io.sfinbound.transform.job.JobCompilationException;
import io.sfinbound.transform.job.Transformations;
import io.sfinbound.transform.job.CompiledJob;

import java.time.Clock;
import java.time.Duration;

import io.sfinbound.common.job.JobConfig;
import io.sfinbound.transform.expression.ExpressionCompiler;
import io.sfinbound.transform.redaction.TextRedactor;

/**
 * The transformation without Quarkus: compiles job versions and transforms records. Used by the Kafka processor,
 * the preview endpoint, the golden-file tests and the benchmark.
 */
public final class TransformerEngine {

    private final ExpressionCompiler compiler;
    private final Transformations transformations;
    private final TextRedactor.Factory redactors;
    private final RecordTransformer transformer;

    /**
     * @param clock            clock of {@code NOW()} and dead letters
     * @param expressionBudget time budget of one expression evaluation
     * @param regexBudget      time budget of the regexes over one text
     */
    public TransformerEngine(Clock clock, Duration expressionBudget, Duration regexBudget) {
        this.compiler = new ExpressionCompiler(clock, expressionBudget);
        this.transformations = new Transformations(compiler, regexBudget);
        this.redactors = new TextRedactor.Factory(regexBudget);
        this.transformer = new RecordTransformer(clock);
    }

    /** Compiles a job version; throws {@link JobCompilationException} with every error. */
    public CompiledJob compile(JobConfig job) {
        return CompiledJob.compile(job, compiler, transformations, redactors);
    }

    /** The record transformer. */
    public RecordTransformer transformer() {
        return transformer;
    }

    /** The expression compiler (type checks connector filters and custom transformations). */
    public ExpressionCompiler compiler() {
        return compiler;
    }
}
