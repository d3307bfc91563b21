package io.sfinbound.common.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes every service's JSON reading strict where leniency is a hazard: an enum sent as a number must not become the
 * constant at that position (a role {@code 1} became JOB_MANAGER), trailing content and duplicate keys are errors.
 * Found by the hostile-input corpus ({@code e2e-tests/.../hostile}). Scalar coercion stays on: the services' REST
 * clients read Salesforce JSON, whose numbers-as-text the mapper must keep accepting.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
