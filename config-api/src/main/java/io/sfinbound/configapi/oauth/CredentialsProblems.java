package io.sfinbound.configapi.oauth;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.sfinbound.common.problem.Problem;

/** The problem+json answers of credential failures, with their own {@code type} so callers can branch on it. */
public final class CredentialsProblems {

    /** Type of a connection whose credentials Salesforce refuses. */
    public static final String CREDENTIALS_INVALID = "https://sfinbound.io/problems/credentials-invalid";
    /** Type of a Salesforce token endpoint that cannot be reached or fails. */
    public static final String SALESFORCE_UNAVAILABLE = "https://sfinbound.io/problems/salesforce-unavailable";

    private CredentialsProblems() {
    }

    /** 409: the credentials are revoked, expired or wrong. */
    public static WebApplicationException invalid(long connectionId, String why) {
        return of(409, CREDENTIALS_INVALID, "Credentials Invalid", "connection " + connectionId + ": " + why);
    }

    /** 502: Salesforce failed; retry later. */
    public static WebApplicationException unavailable(long connectionId, String why) {
        return of(502, SALESFORCE_UNAVAILABLE, "Salesforce Unavailable", "connection " + connectionId + ": " + why);
    }

    private static WebApplicationException of(int status, String type, String title, String detail) {
        return new WebApplicationException(detail, Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, null, (List<Problem.FieldError>) null)).build());
    }
}
