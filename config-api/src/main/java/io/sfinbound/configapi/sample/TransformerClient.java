package io.sfinbound.configapi.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.configapi.config.ConfigApiConfig;

/**
 * Calls the transformer's {@code POST /internal/preview} (docs/architecture.md): the real transformation of sample
 * records. Read with {@code common}'s lenient mapper, so a newer transformer's extra fields do not break it.
 */
@ApplicationScoped
public class TransformerClient {

    private final ConfigApiConfig config;
    private final HttpClient http;

    public TransformerClient(ConfigApiConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.transformer().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record PreviewRequest(JobConfig job, List<Map<String, Object>> records) {
    }

    private record PreviewResponse(List<DocumentMessage> results) {
    }

    /**
     * The outcome of each record, in order.
     *
     * @throws ProblemException 503 when the transformer cannot be reached, 400 with its field errors when it refuses the
     *                          job, 502 for any other answer
     */
    public List<DocumentMessage> preview(JobConfig job, List<Map<String, Object>> records) {
        String base = config.transformer().url().replaceFirst("/+$", "");
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(base + "/internal/preview"))
                    .timeout(config.transformer().timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Service-Key", config.internal().serviceKey().orElse(""))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(new PreviewRequest(job, records))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProblemException(503, "Service Unavailable",
                    "the transformer is unreachable (" + base + "): the sample data cannot be transformed; try again when it is up", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Service Unavailable", "interrupted while calling the transformer", null);
        }
        if (r.statusCode() == 200) {
            try {
                PreviewResponse p = Json.mapper().readValue(r.body(), PreviewResponse.class);
                return p.results() == null ? List.of() : p.results();
            } catch (IOException e) {
                throw new ProblemException(502, "Bad Gateway", "the transformer's preview answer is not readable", null);
            }
        }
        if (r.statusCode() == 400) {
            // the job does not compile or names a field with the wrong case: the transformer's errors, as they are
            JsonNode problem = readTree(r.body());
            List<Problem.FieldError> errors = new ArrayList<>();
            for (JsonNode e : problem.path("errors")) {
                String field = e.path("field").asText("job").replaceFirst("^job\\.", "");
                errors.add(new Problem.FieldError(field, e.path("message").asText(""),
                        e.hasNonNull("line") ? e.get("line").asInt() : null, e.hasNonNull("column") ? e.get("column").asInt() : null));
            }
            throw new ProblemException(400, "Bad Request", problem.path("detail").asText("the transformer refused the job"),
                    errors.isEmpty() ? null : errors);
        }
        if (r.statusCode() == 503) {
            throw new ProblemException(503, "Service Unavailable", "the transformer is not ready; try again", null);
        }
        throw new ProblemException(502, "Bad Gateway", "the transformer answered the preview with HTTP " + r.statusCode(), null);
    }

    private static JsonNode readTree(String body) {
        try {
            return Json.mapper().readTree(body == null ? "{}" : body);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
