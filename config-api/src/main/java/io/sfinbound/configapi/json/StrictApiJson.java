package io.sfinbound.configapi.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict JSON for config-api's own request bodies, on top of {@code common}'s StrictJsonCustomizer (found by the
 * hostile-input corpus): a text field takes only a JSON string (no number or boolean coerced to text), without lone
 * surrogates; an integer field takes only an integer that fits (no float truncated, no overflow answered without the
 * field); booleans are not coerced; the body is well-formed UTF-8 (no overlong or invalid sequences). Only the
 * Quarkus-managed mapper of this service is changed: config-api reads Salesforce JSON with {@code common}'s
 * {@code Json.mapper()}, which keeps Salesforce's numbers-as-text. Jackson has no switch for surrogates, integer
 * overflow as a field error or strict UTF-8, hence the small deserializers and the input decorator.
 */
@Singleton
public class StrictApiJson implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after the common customizer
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("sfinbound-strict-api-json");
        module.addDeserializer(String.class, new StrictString());
        module.addDeserializer(Long.class, new FittingInteger<>(Long.class, NumberDeserializers.find(Long.class, Long.class.getName())));
        module.addDeserializer(long.class, new FittingInteger<>(Long.TYPE, NumberDeserializers.find(Long.TYPE, "long")));
        module.addDeserializer(Integer.class, new FittingInteger<>(Integer.class, NumberDeserializers.find(Integer.class, Integer.class.getName())));
        module.addDeserializer(int.class, new FittingInteger<>(Integer.TYPE, NumberDeserializers.find(Integer.TYPE, "int")));
        mapper.registerModule(module);
        mapper.getFactory().setInputDecorator(new StrictUtf8());
    }

    /** A JSON string only, without unpaired UTF-16 surrogates (which no UTF-8 database column can store faithfully). */
    static final class StrictString extends StdScalarDeserializer<String> {
        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getText();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw ctxt.weirdStringException(s, String.class, "unpaired UTF-16 surrogate at index " + i);
                }
            }
            return s;
        }
    }

    /**
     * An integer that fits its Java type: Jackson answers overflow with a parser exception without the field; this
     * answers it as a mismatched value of the field. Everything else is Jackson's own deserializer.
     */
    static final class FittingInteger<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<?> delegate;

        @SuppressWarnings("unchecked")
        FittingInteger(Class<?> type, JsonDeserializer<?> delegate) {
            super((Class<T>) type);
            this.delegate = delegate;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                JsonParser.NumberType t = p.getNumberType();
                boolean isInt = _valueClass == Integer.class || _valueClass == Integer.TYPE;
                if (t == JsonParser.NumberType.BIG_INTEGER || (isInt && t == JsonParser.NumberType.LONG)) {
                    throw ctxt.weirdNumberException(p.getNumberValue(), _valueClass,
                            "out of range of " + (isInt ? "a 32-bit" : "a 64-bit") + " integer");
                }
            }
            return (T) delegate.deserialize(p, ctxt);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return (T) delegate.getNullValue(ctxt); // 0 for int and long, as Jackson's own
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Integer;
        }
    }

    /**
     * Refuses a body that is not well-formed UTF-8 before Jackson reads it: Jackson's own decoder accepts overlong
     * sequences (C0 AF became '/'). JSON over HTTP is UTF-8 (RFC 8259); request bodies here are small.
     */
    static final class StrictUtf8 extends InputDecorator {
        @Override
        public InputStream decorate(IOContext ctxt, InputStream in) throws IOException {
            byte[] bytes = in.readAllBytes();
            check(bytes, 0, bytes.length);
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length) throws IOException {
            check(src, offset, length);
            return new ByteArrayInputStream(src, offset, length);
        }

        @Override
        public Reader decorate(IOContext ctxt, Reader r) {
            return r; // already characters
        }

        private static void check(byte[] b, int offset, int length) throws IOException {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                decoder.decode(ByteBuffer.wrap(b, offset, length));
            } catch (CharacterCodingException e) {
                throw new JsonParseException(null, "the body is not well-formed UTF-8 (" + e.getMessage() + ")");
            }
        }
    }
}
