package io.sfinbound.extractor.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.sfinbound.common.job.DataType;
import io.sfinbound.extractor.ExtractorConfig;
import io.sfinbound.extractor.normalize.CsvRecordConverter;
import io.sfinbound.extractor.normalize.RecordNormalizer;
import io.sfinbound.extractor.query.ExtractionPlan;
import io.sfinbound.extractor.run.RunCancelledException;
import io.sfinbound.extractor.run.RunContext;
import io.sfinbound.extractor.salesforce.SalesforceClient;
import io.sfinbound.extractor.salesforce.SalesforceException;
import io.sfinbound.extractor.salesforce.SalesforceSession;
import io.sfinbound.extractor.sms.ConversationGatherer;

/**
 * The Bulk API 2.0 path: creates a query job for the run's window, polls it with a bounded backoff, then streams
 * each CSV result page (locator by locator) straight from the socket through commons-csv to Kafka, one row at a
 * time, so no result is ever held in memory. A page interrupted mid-way is fetched again with the same locator and
 * its rows already published are skipped. The job is aborted when the run fails or is cancelled and always deleted.
 */
@ApplicationScoped
public class BulkExtractor {

    public static final String API = "BULK";

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final SalesforceClient client;
    private final ConversationGatherer conversations;
    private final ExtractorConfig config;

    public BulkExtractor(SalesforceClient client, ConversationGatherer conversations, ExtractorConfig config) {
        this.client = client;
        this.conversations = conversations;
        this.config = config;
    }

    /** Extracts the plan's window with one Bulk query job. */
    public void extract(RunContext ctx, ExtractionPlan plan) {
        SalesforceSession s = ctx.session();
        String soql = plan.windowQuery(plan.window(), ctx.extracted());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", plan.job().includeDeleted() ? "queryAll" : "query");
        body.put("query", soql);
        body.put("contentType", "CSV");
        body.put("columnDelimiter", "COMMA");
        body.put("lineEnding", "LF");
        JsonNode job = client.postJson(s, s.dataUrl() + "/jobs/query", body);
        String jobId = job.path("id").asText(null);
        if (jobId == null) {
            throw new SalesforceException(SalesforceException.Kind.PERMANENT, 0, null, "Bulk job creation returned no id: " + job, null, null);
        }
        Log.infof("run %s: Bulk query job %s created", ctx.runId(), jobId);
        boolean complete = false;
        try {
            awaitCompletion(ctx, s, jobId);
            complete = true;
            readResults(ctx, plan, s, jobId);
        } catch (RuntimeException e) {
            if (!complete) {
                abortQuietly(s, jobId);
            }
            throw e;
        } finally {
            deleteQuietly(s, jobId);
        }
    }

    private void awaitCompletion(RunContext ctx, SalesforceSession s, String jobId) {
        String url = s.dataUrl() + "/jobs/query/" + jobId;
        long delay = Math.max(1, config.bulk().pollInitialDelay().toMillis());
        long maxDelay = Math.max(delay, config.bulk().pollMaxDelay().toMillis());
        Instant deadline = Instant.now().plus(config.bulk().jobTimeout());
        while (true) {
            // wait first: polling a job created a moment ago only spends an API call
            ctx.checkCancelled();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException("interrupted while waiting for Bulk job " + jobId);
            }
            delay = Math.min(maxDelay, delay * 3 / 2 + 1);
            JsonNode info = client.getJson(s, url, Map.of());
            String state = info.path("state").asText("");
            switch (state) {
                case "JobComplete":
                    Log.infof("run %s: Bulk job %s complete, %s records", ctx.runId(), jobId, info.path("numberRecordsProcessed").asText("?"));
                    return;
                case "Failed":
                case "Aborted":
                    String msg = info.path("errorMessage").asText("");
                    throw new BulkJobFailedException("Bulk query job " + jobId + " " + state + (msg.isEmpty() ? "" : ": " + msg));
                default:
                    break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SalesforceException(SalesforceException.Kind.PERMANENT, 0, null,
                        "Bulk query job " + jobId + " not complete after " + config.bulk().jobTimeout() + " (state " + state + ")", null, null);
            }
        }
    }

    private void readResults(RunContext ctx, ExtractionPlan plan, SalesforceSession s, String jobId) {
        String base = s.dataUrl() + "/jobs/query/" + jobId + "/results?maxRecords=" + Math.max(1, config.bulk().pageSize());
        String locator = null;
        boolean sms = plan.job().dataType() == DataType.SMS_TEXT;
        do {
            String url = locator == null ? base : base + "&locator=" + URLEncoder.encode(locator, StandardCharsets.UTF_8);
            AtomicLong publishedInPage = new AtomicLong();
            locator = client.stream(s, url, Map.of("Accept", "text/csv", "Accept-Encoding", "gzip"), response -> {
                String next = response.headers().firstValue("Sforce-Locator").orElse("null");
                long expected = response.headers().firstValueAsLong("Sforce-NumberOfRecords").orElse(-1);
                try (Reader reader = reader(response.body(), response.headers().firstValue("Content-Encoding").orElse(""));
                        CSVParser parser = CSV.parse(reader)) {
                    CsvRecordConverter converter = new CsvRecordConverter(parser.getHeaderNames(), plan.types());
                    long skip = publishedInPage.get();
                    long row = 0;
                    List<ObjectNode> pending = new ArrayList<>();
                    for (CSVRecord r : parser) {
                        if (row++ < skip) {
                            continue;
                        }
                        ObjectNode data = converter.convert(r);
                        if (sms) {
                            pending.add(data);
                            if (pending.size() >= Math.max(1, config.rest().conversationBatch())) {
                                publishSessions(ctx, plan, pending);
                                publishedInPage.addAndGet(pending.size());
                                pending.clear();
                            }
                        } else {
                            publish(ctx, plan, data);
                            publishedInPage.incrementAndGet();
                        }
                    }
                    if (!pending.isEmpty()) {
                        publishSessions(ctx, plan, pending);
                        publishedInPage.addAndGet(pending.size());
                    }
                    if (expected >= 0 && row < expected) {
                        // a connection cut exactly between two rows looks like a clean end of the CSV
                        throw new IOException("result page truncated: " + row + " of " + expected + " records");
                    }
                }
                return next;
            });
            ctx.pageDone();
            if (locator != null && (locator.isBlank() || "null".equals(locator))) {
                locator = null;
            }
        } while (locator != null);
    }

    private void publishSessions(RunContext ctx, ExtractionPlan plan, List<ObjectNode> sessions) {
        Map<String, ObjectNode> entries = conversations.entriesOf(ctx, plan, new ArrayList<>(sessions));
        for (ObjectNode data : sessions) {
            data.set(ConversationGatherer.FIELD, entries.getOrDefault(RecordNormalizer.id(data), ConversationGatherer.empty()));
            publish(ctx, plan, data);
        }
    }

    private void publish(RunContext ctx, ExtractionPlan plan, ObjectNode data) {
        ctx.emitUnordered(plan.object(), RecordNormalizer.id(data), data, RecordNormalizer.position(data, plan.dateField()), API);
    }

    private static Reader reader(InputStream in, String encoding) throws IOException {
        InputStream body = "gzip".equalsIgnoreCase(encoding.strip()) ? new GZIPInputStream(in, 64 * 1024) : in;
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024);
    }

    private void abortQuietly(SalesforceSession s, String jobId) {
        cleanup(() -> client.patchJson(s, s.dataUrl() + "/jobs/query/" + jobId, Map.of("state", "Aborted"), false), "abort", jobId);
    }

    private void deleteQuietly(SalesforceSession s, String jobId) {
        cleanup(() -> client.delete(s, s.dataUrl() + "/jobs/query/" + jobId, false), "delete", jobId);
    }

    /** Cleanup calls go out even when the run was interrupted (cancel): the interrupt is set aside meanwhile. */
    private static void cleanup(Runnable call, String what, String jobId) {
        boolean interrupted = Thread.interrupted();
        try {
            call.run();
        } catch (RuntimeException e) {
            Log.warnf("cannot %s Bulk job %s: %s", what, jobId, e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
