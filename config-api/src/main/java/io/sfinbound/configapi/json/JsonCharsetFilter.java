package io.sfinbound.configapi.json;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sfinbound.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a JSON body declared in another charset than UTF-8 with 415: the JSON reader decodes UTF-8 whatever the
 * header says, so {@code charset=ebcdic} was silently read as UTF-8 (hostile-input corpus).
 */
public class JsonCharsetFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> charset(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json")) {
            return Optional.empty();
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null) {
            return Optional.empty();
        }
        String c = charset.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        if (c.equals("utf-8") || c.equals("utf8")) {
            return Optional.empty();
        }
        String detail = "JSON bodies must be UTF-8; charset '" + (c.length() > 40 ? c.substring(0, 40) + "..." : c) + "' is not supported";
        return Optional.of(Response.status(415).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unsupported Media Type", 415, detail,
                        "/" + request.getUriInfo().getPath().replaceFirst("^/", ""), null))
                .build());
    }
}
