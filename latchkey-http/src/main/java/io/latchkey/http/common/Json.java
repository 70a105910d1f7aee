package io.latchkey.http.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one Jackson configuration of the HTTP layer.
 *
 * <p>Reading is strict about types: no string-to-number or float-to-int coercion, nulls never become
 * primitives, duplicate keys are rejected, nesting is capped. Whether unknown members are rejected is the
 * dialect's choice: the native IAM dialect rejects them (a typo should not be silently ignored), while the
 * vendor dialects ignore them as the vendors' own servers do, because their clients send extra members.
 *
 * <p>Writing omits null members: the specs describe optional members as absent, not null.
 *
 * @since 0.1
 */
public final class Json {
    /** Requests nested deeper than this are rejected before they reach a handler. */
    public static final int MAX_NESTING = 32;

    private static final ObjectMapper MAPPER = build();
    private static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader LENIENT = MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /**
     * Readers bound to a request type, strict at [0] and lenient at [1]. Jackson's {@code readValue(body,
     * type)} builds a new reader (and its configuration) for the type on every call: a fifth of the time a
     * login spent parsing its two-member body.
     */
    private static final ClassValue<ObjectReader[]> TYPED = new ClassValue<>() {
        @Override
        protected ObjectReader[] computeValue(Class<?> type) {
            return new ObjectReader[] {STRICT.forType(type), LENIENT.forType(type)};
        }
    };

    private Json() {
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                        .maxStringLength(2_000_000).maxNumberLength(40).build())
                .build();
        ObjectMapper m = JsonMapper.builder(factory)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(new JavaTimeModule())
                // Property access through generated lambdas instead of reflection: the profile of a secret
                // read spent most of its JSON time in Method.invoke.
                .addModule(new BlackbirdModule())
                .build();
        // A JSON string is never silently turned into a number, boolean or object.
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A reader of {@code type}, made once per type. */
    public static ObjectReader reader(Class<?> type, boolean rejectUnknownMembers) {
        return TYPED.get(type)[rejectUnknownMembers ? 0 : 1];
    }
}
