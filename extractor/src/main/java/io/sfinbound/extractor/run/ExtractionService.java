package io.sfinbound.extractor.run;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.Stage;
import io.sfinbound.common.record.Watermark;
import io.sfinbound.extractor.ExtractorConfig;
import io.sfinbound.extractor.bulk.BulkExtractor;
import io.sfinbound.extractor.bulk.BulkJobFailedException;
import io.sfinbound.extractor.configapi.ConfigApiClient;
import io.sfinbound.extractor.configapi.ConfigApiException;
import io.sfinbound.extractor.normalize.FieldTypeResolver;
import io.sfinbound.extractor.publish.Lineage;
import io.sfinbound.extractor.publish.RecordPublisher;
import io.sfinbound.extractor.publish.RunEventPublisher;
import io.sfinbound.extractor.query.ExtractionPlan;
import io.sfinbound.extractor.query.Keyset;
import io.sfinbound.extractor.query.QueryWindow;
import io.sfinbound.extractor.query.WindowPlanner;
import io.sfinbound.extractor.query.WindowQueries;
import io.sfinbound.extractor.quota.QuotaDeferredException;
import io.sfinbound.extractor.quota.QuotaGovernor;
import io.sfinbound.extractor.rest.RestExtractor;
import io.sfinbound.extractor.salesforce.DescribeCache;
import io.sfinbound.extractor.salesforce.SObjectDescribe;
import io.sfinbound.extractor.salesforce.SalesforceClient;
import io.sfinbound.extractor.salesforce.SalesforceException;
import io.sfinbound.extractor.salesforce.SalesforceSession;
import io.sfinbound.extractor.salesforce.TokenProvider;
import io.sfinbound.soql.SoqlException;

/**
 * Runs one run from its request to its final run event: STARTED, the records of the window (REST or Bulk API 2.0),
 * then EXTRACTION_COMPLETED with the new watermark once Kafka acknowledged every record; or FAILED, DEFERRED or
 * CANCELLED with the reason. Returns whether the request may be acknowledged.
 */
@ApplicationScoped
public class ExtractionService {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private final ConfigApiClient configApi;
    private final TokenProvider tokens;
    private final DescribeCache describes;
    private final SalesforceClient client;
    private final RestExtractor rest;
    private final BulkExtractor bulk;
    private final RecordPublisher records;
    private final RunEventPublisher events;
    private final QuotaGovernor quota;
    private final ExtractorConfig config;
    private final MeterRegistry metrics;

    public ExtractionService(ConfigApiClient configApi, TokenProvider tokens, DescribeCache describes, SalesforceClient client,
            RestExtractor rest, BulkExtractor bulk, RecordPublisher records, RunEventPublisher events, QuotaGovernor quota, ExtractorConfig config,
            MeterRegistry metrics) {
        this.configApi = configApi;
        this.tokens = tokens;
        this.describes = describes;
        this.client = client;
        this.rest = rest;
        this.bulk = bulk;
        this.records = records;
        this.events = events;
        this.quota = quota;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Runs the request's window.
     *
     * @return true when a final event was published (the request can be committed); false when the extractor is
     *         shutting down and the request must be redelivered
     */
    public boolean run(RunContext ctx) {
        var req = ctx.request();
        Lineage lineage = new Lineage(req.jobId(), req.runId(), req.jobVersion(), null);
        if (ctx.isCancelled()) {
            return finish(ctx, lineage, RunEventType.CANCELLED, "cancelled before it started", null);
        }
        publish(ctx, lineage, RunEventType.STARTED, null, null);
        try {
            JobConfig job = configApi.jobVersion(req.jobId(), req.jobVersion());
            String object = WindowQueries.objectOf(job.soql());
            lineage = new Lineage(req.jobId(), req.runId(), req.jobVersion(), object);
            SalesforceSession session = new SalesforceSession(req.connectionId(), job.apiVersion(), tokens, ctx::isCancelled);
            ctx.open(lineage, records.open(lineage), session, c -> publishProgress(c), config.progressInterval());
            SObjectDescribe describe = describes.describe(session, object);
            SObjectDescribe.Field dateField = describe.field(job.dateField());
            if (dateField == null) {
                throw new SalesforceException(SalesforceException.Kind.PERMANENT, 0, "INVALID_FIELD",
                        "date field " + job.dateField() + " does not exist on " + object, null, null);
            }
            boolean dateOnly = "date".equals(dateField.type());
            QueryWindow window = WindowPlanner.plan(job, req.watermark(), ctx.clock().instant(), config.window().safetyMargin(), dateOnly);
            ExtractionPlan plan = new ExtractionPlan(job, object, describe, FieldTypeResolver.of(describe, session, describes), dateOnly, window);
            String api = chooseApi(ctx, plan);
            Log.infof("run %s: job %d v%d, %s over %s, window %s", req.runId(), req.jobId(), req.jobVersion(), object, api, window);
            if (BulkExtractor.API.equals(api)) {
                api = extractWithBulk(ctx, plan);
            } else {
                rest.extract(ctx, plan);
            }
            ctx.sink().awaitAll(DRAIN_TIMEOUT);
            Keyset next = Keyset.max(Keyset.of(req.watermark()), ctx.maxPosition());
            Watermark watermark = next == null ? null : next.toWatermark();
            metrics.counter("sfinbound.extractor.records", "api", api).increment(ctx.extracted());
            return finish(ctx, lineage, RunEventType.EXTRACTION_COMPLETED, null, watermark);
        } catch (RuntimeException e) {
            return fail(ctx, lineage, e);
        }
    }

    private boolean fail(RunContext ctx, Lineage lineage, RuntimeException e) {
        String runId = ctx.runId();
        if (ctx.isShutdown()) {
            Log.infof("run %s interrupted by shutdown; its request will be redelivered", runId);
            return false;
        }
        if (e instanceof RecordPublisher.PublishException) {
            return finish(ctx, lineage, RunEventType.FAILED, e.getMessage(), null);
        }
        drainQuietly(ctx);
        if (ctx.isCancelled() || e instanceof RunCancelledException) {
            return finish(ctx, lineage, RunEventType.CANCELLED, "cancelled by user", null);
        }
        if (e instanceof QuotaDeferredException) {
            return finish(ctx, lineage, RunEventType.DEFERRED, e.getMessage(), null);
        }
        if (e instanceof SalesforceException) {
            return finish(ctx, lineage, RunEventType.FAILED, "Salesforce: " + e.getMessage(), null);
        }
        if (e instanceof SoqlException) {
            return finish(ctx, lineage, RunEventType.FAILED, "invalid SOQL: " + e.getMessage(), null);
        }
        if (e instanceof ConfigApiException || e instanceof ConfigApiClient.ConfigApiUnavailableException) {
            return finish(ctx, lineage, RunEventType.FAILED, e.getMessage(), null);
        }
        Log.errorf(e, "run %s failed", runId);
        return finish(ctx, lineage, RunEventType.FAILED, "internal error: " + e, null);
    }

    /** Bulk, with new jobs when one fails, then the REST path; returns the API that did the work. */
    private String extractWithBulk(RunContext ctx, ExtractionPlan plan) {
        int attempts = Math.max(1, config.bulk().maxJobAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                bulk.extract(ctx, plan);
                return BulkExtractor.API;
            } catch (SalesforceException e) {
                if (!unsupportedByBulk(e) || ctx.extracted() > 0) {
                    throw e;
                }
                Log.warnf("run %s: %s; extracting the window over REST instead", ctx.runId(), e.getMessage());
                rest.extract(ctx, plan);
                return RestExtractor.API;
            } catch (BulkJobFailedException e) {
                if (attempt < attempts) {
                    Log.warnf("run %s: %s; creating a new job (%d/%d)", ctx.runId(), e.getMessage(), attempt + 1, attempts);
                    continue;
                }
                if (!config.bulk().fallbackToRest()) {
                    throw new SalesforceException(SalesforceException.Kind.PERMANENT, 0, null, e.getMessage(), null, e);
                }
                Log.warnf("run %s: %s; extracting the window over REST instead", ctx.runId(), e.getMessage());
                rest.extract(ctx, plan);
                return RestExtractor.API;
            }
        }
    }

    /** Salesforce refuses some queries in Bulk jobs (compound fields, some objects): REST can still read them. */
    private static boolean unsupportedByBulk(SalesforceException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return e.kind() == SalesforceException.Kind.PERMANENT
                && (m.contains("not supported by the Bulk API") || m.contains("FeatureNotEnabled") || m.contains("INVALIDENTITY")
                        || m.contains("compound data not supported"));
    }

    private String chooseApi(RunContext ctx, ExtractionPlan plan) {
        ExtractionApi api = plan.job().api() == null ? ExtractionApi.AUTO : plan.job().api();
        return switch (api) {
            case REST -> RestExtractor.API;
            case BULK -> BulkExtractor.API;
            case AUTO -> {
                long threshold = plan.job().bulkThreshold() == null ? JobConfig.DEFAULT_BULK_THRESHOLD : plan.job().bulkThreshold();
                long count = client.query(ctx.session(), plan.countQuery(), plan.job().includeDeleted(), 2000).path("totalSize").asLong();
                Integer limit = plan.job().recordLimit();
                long expected = limit == null ? count : Math.min(count, limit);
                Log.infof("run %s: %d records in the window (Bulk threshold %d)", ctx.runId(), expected, threshold);
                yield expected > threshold ? BulkExtractor.API : RestExtractor.API;
            }
        };
    }

    private void drainQuietly(RunContext ctx) {
        if (ctx.sink() == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            ctx.sink().awaitAll(Duration.ofSeconds(30));
        } catch (RuntimeException ignored) {
            // the run already failed; the counters say what was acknowledged
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean finish(RunContext ctx, Lineage lineage, RunEventType type, String message, Watermark watermark) {
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    publish(ctx, lineage, type, message, watermark);
                    metrics.counter("sfinbound.extractor.runs", "outcome", type.name()).increment();
                    Log.infof("run %s %s: %d records, %s%s", ctx.runId(), type, ctx.extracted(), ctx.counters(null),
                            message == null ? "" : " (" + message + ")");
                    return true;
                } catch (RuntimeException e) {
                    if (attempt >= 3) {
                        Log.errorf(e, "run %s: cannot publish %s; the request stays uncommitted and will run again", ctx.runId(), type);
                        return false;
                    }
                }
            }
        } finally {
            if (interrupted && ctx.isShutdown()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void publishProgress(RunContext ctx) {
        try {
            publish(ctx, ctx.lineage(), RunEventType.PROGRESS, null, null);
        } catch (RecordPublisher.PublishException e) {
            Log.warnf("run %s: progress event not published: %s", ctx.runId(), e.getMessage());
        }
    }

    private void publish(RunContext ctx, Lineage lineage, RunEventType type, String message, Watermark watermark) {
        var req = ctx.request();
        var usage = ctx.session() == null ? null : quota.usage(ctx.session().token().orgId());
        events.publish(new RunEvent(req.runId(), req.jobId(), Stage.EXTRACTOR, type, ctx.nextSequence(), ctx.counters(usage),
                watermark, message, ctx.clock().instant()), lineage);
    }
}
