package io.sfinbound.transform.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.sfinbound.common.job.Detector;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.transform.job.JobCompilationException;
import io.sfinbound.transform.job.TransformException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule files, detectors, the fixed mask, counts and the run-time regex guard. Not a @QuarkusTest: plain Java. */
class RedactionTest {

    static TextRedactor redactor(String substitutions, String rules, Set<Detector> detectors, String mask) {
        return new TextRedactor.Factory(Duration.ofSeconds(1)).create(
                new RedactionSettings(substitutions, rules, detectors, mask, List.of()));
    }

    @Test
    void shouldSubstituteCaseSensitivelyInOnePassThenRedact() {
        TextRedactor r = redactor("""
                # products
                corroded virus: Coronavirus
                "Acme" : "Acme Corp."
                Acme Corp. : should not apply twice
                "a \\"quoted\\" phrase" : x
                """, "ORD-\\d{6}\n# comment\n", Set.of(), "#####");
        TextRedactor.Result res = r.redact("Acme: corroded virus and Corroded virus, AcmeX, order ORD-123456 and a \"quoted\" phrase");
        assertThat(res.text()).isEqualTo(
                "Acme Corp.: Coronavirus and Corroded virus, AcmeX, order ##### and x");
        assertThat(res.redactions()).isEqualTo(1);
    }

    @Test
    void shouldMergeOverlappingFindingsIntoOneMask() {
        TextRedactor r = redactor(null, "[a-z.]+@\nexample", EnumSet.of(Detector.EMAIL), null);
        TextRedactor.Result res = r.redact("mail jane.doe@example.com now");
        assertThat(res.text()).isEqualTo("mail [REDACTED] now");
        assertThat(res.redactions()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            call me at +44 20 7946 0958 today          | PHONE        | call me at [REDACTED] today
            (415) 555-0199 or 415.555.0100              | PHONE        | [REDACTED] or [REDACTED]
            on 2024-05-20 we shipped 12345 units        | PHONE        | on 2024-05-20 we shipped 12345 units
            SSN 123-45-6789, not 000-12-3456 nor 666-12-3456 | US_SSN  | SSN [REDACTED], not 000-12-3456 nor 666-12-3456
            invalid 123-00-6789 or 987-65-4321         | US_SSN       | invalid 123-00-6789 or 987-65-4321
            IBAN GB82 WEST 1234 5698 7654 32 ok         | IBAN         | IBAN [REDACTED] ok
            IBAN GB82WEST12345698765432 ok              | IBAN         | IBAN [REDACTED] ok
            bad GB83WEST12345698765432 ok               | IBAN         | bad GB83WEST12345698765432 ok
            visa 4111 1111 1111 1111 5 items            | PAYMENT_CARD | visa [REDACTED] 5 items
            amex 3782-822463-10005 and 1234567812345678 | PAYMENT_CARD | amex [REDACTED] and 1234567812345678
            "write ""x""@example.org or a@b.co"           | EMAIL        | write [REDACTED] or [REDACTED]
            """)
    void shouldDetect(String text, Detector detector, String expected) {
        assertThat(redactor(null, null, EnumSet.of(detector), null).redact(text).text()).isEqualTo(expected);
    }

    @Test
    void shouldReportBadRuleFilesWithLineAndColumn() {
        List<RuleFileError> errors = new ArrayList<>();
        SubstitutionRules.parse("ok : fine\nno separator here\n  \"unterminated : x\n : empty phrase\nok : twice", errors);
        assertThat(errors).extracting(e -> e.line() + ":" + e.column() + " " + e.message()).containsExactly(
                "2:18 expected 'phrase : replacement' (a ':' separates them)",
                "3:3 unterminated quote",
                "4:2 the phrase to replace is empty",
                "5:1 the phrase 'ok' has a rule already");

        errors.clear();
        RedactionRules.parse("# fine\n\\d{3}-\\d{2}\n  foo(?!bar)\n[a-\n(x*)*y\na*\n(a|b)+", errors);
        assertThat(errors).extracting(e -> e.line() + ":" + e.column() + " " + e.message().split("\n")[0]).containsExactly(
                "3:6 negative lookarounds are not supported",
                "4:4 Illegal character range",
                "5:1 nested unbounded quantifiers at column 5 can backtrack catastrophically; make the inner repetition bounded or possessive",
                "6:1 the rule matches the empty text");
    }

    @Test
    void shouldNameTheRuleFileInJobErrors() {
        assertThatThrownBy(() -> redactor("broken", "(", Set.of(), null))
                .isInstanceOfSatisfying(JobCompilationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + "@" + f.line())
                        .containsExactly("redaction.substitutionRules@1", "redaction.redactionRules@1"));
    }

    @Test
    void shouldStopACatastrophicRegexAtRunTimeAndFailClosed() {
        // Twelve a* in a row pass the static check (no nesting: polynomial, not exponential) but take minutes on 40 a's.
        String slow = "a*".repeat(12) + "b";
        assertThat(RegexSafety.check(slow)).isEmpty();
        TextRedactor r = new TextRedactor.Factory(Duration.ofMillis(100)).create(
                new RedactionSettings(null, slow, Set.of(), null, List.of()));
        long start = System.nanoTime();
        assertThatThrownBy(() -> r.redact("a".repeat(40)))
                .isInstanceOfSatisfying(TransformException.class,
                        e -> assertThat(e.code()).isEqualTo(TransformException.REDACTION_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldFlagNestedQuantifiers() {
        assertThat(RegexSafety.check("(a+)+")).isPresent();
        assertThat(RegexSafety.check("(?:\\w+\\s?)*$")).isPresent();
        assertThat(RegexSafety.check("(a{2,})*")).isPresent();
        assertThat(RegexSafety.check("\\d{3}-\\d{2}-\\d{4}")).isEmpty();
        assertThat(RegexSafety.check("(ab)+c[(+*]")).isEmpty();
        assertThat(RegexSafety.check("(a++)+")).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"(a+)+$", "(a|aa)+$", "(.*a){20}", "([a-zA-Z]+)*$",
            "(x+x+)+y", "^(\\w+\\s?)*$", "(a|a?)+", "(?:ab|ac)*d", "(\\S+\\s){2,5}x", "([^,]*,){10}$",
            "(?<n>a|ab)+", "((a+))+"})
    void shouldFlagCatastrophicShapes(String regex) {
        assertThat(RegexSafety.check(regex)).as(regex).isPresent();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"(\\d+\\.){3}\\d+", "(cat|dog)+", "(a|b)+",
            "[a-z.]+@example\\.com", "\\b\\d{3}-\\d{2}-\\d{4}\\b", "(ORD-\\d{6})+", "a{2,3}(b{1,2}){2}",
            "\\Q(a+)+\\E", "[(a+)+]", "x{", "(.*a)?b", "(?i:acme)+"})
    void shouldAcceptOrdinaryShapes(String regex) {
        assertThat(RegexSafety.check(regex)).as(regex).isEmpty();
    }

    @Test
    void shouldParseTheDownloadableTemplates() {
        List<RuleFileError> errors = new ArrayList<>();
        assertThat(RedactionRules.parse(RedactionRules.TEMPLATE, errors).patterns()).hasSize(2);
        assertThat(SubstitutionRules.parse(SubstitutionRules.TEMPLATE, errors)).isNotNull();
        assertThat(errors).isEmpty();
        TextRedactor r = redactor(SubstitutionRules.TEMPLATE, RedactionRules.TEMPLATE, Set.of(), null);
        assertThat(r.redact("Acme Corp. order ORD-123456, Note: internal").text())
                .isEqualTo("Acme Corporation order [REDACTED], Note");
    }

    @Test
    void shouldDoNothingWithoutRules() {
        assertThat(new TextRedactor.Factory(Duration.ofSeconds(1)).create(
                new RedactionSettings("# only comments", "", Set.of(), null, List.of()))).isNull();
    }
}
