package io.sfinbound.transform.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import io.sfinbound.common.job.Detector;
import io.sfinbound.common.job.RedactionSettings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.web.api.Web;

/**
 * Properties of redaction: no e-mail address and no valid payment card number survives, wherever it sits in a text.
 * Not a @QuarkusTest: redaction is plain Java.
 */
class RedactionPropertiesTest {

    static final TextRedactor REDACTOR = new TextRedactor.Factory(Duration.ofSeconds(2)).create(
            new RedactionSettings(null, null, EnumSet.of(Detector.EMAIL, Detector.PAYMENT_CARD), null, List.of()));

    @Property(tries = 500)
    void noEmailAddressSurvives(@ForAll("emails") String email, @ForAll("text") String before,
            @ForAll("text") String after, @ForAll("separators") String left, @ForAll("separators") String right) {
        String text = before + left + email + right + after;
        TextRedactor.Result r = REDACTOR.redact(text);
        assertThat(r.text()).doesNotContain(email);
        assertThat(r.redactions()).isPositive();
    }

    @Property(tries = 500)
    void noValidCardNumberSurvives(@ForAll("cards") String card, @ForAll("text") String before,
            @ForAll("text") String after, @ForAll("separators") String left, @ForAll("separators") String right) {
        String text = before + left + card + right + after;
        TextRedactor.Result r = REDACTOR.redact(text);
        assertThat(r.text()).doesNotContain(card);
        assertThat(r.text().replaceAll("[^0-9]", "")).doesNotContain(card.replaceAll("[^0-9]", ""));
    }

    @Property(tries = 300)
    void numbersThatFailLuhnAreKept(@ForAll("invalidCards") String number) {
        String text = "order " + number + " shipped";
        assertThat(REDACTOR.redact(text).text()).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> emails() {
        return Web.emails();
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .,;:!?()-_'\"éüß€😀\n")
                .ofMaxLength(40);
    }

    /** A card or an address is told apart from its neighbours by whitespace or punctuation, as in real text. */
    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "\n", " (", ") ", ": ", ", ", " <", "> ", "\t");
    }

    @Provide
    Arbitrary<String> cards() {
        Arbitrary<String> digits = Arbitraries.integers().between(12, 18)
                .flatMap(n -> Arbitraries.strings().numeric().ofLength(n));
        Arbitrary<String> valid = digits.map(d -> d + checkDigit(d));
        return Combinators.combine(valid, Arbitraries.of("", " ", "-")).as((d, sep) -> group(d, sep));
    }

    @Provide
    Arbitrary<String> invalidCards() {
        return Arbitraries.integers().between(12, 18)
                .flatMap(n -> Arbitraries.strings().numeric().ofLength(n))
                .map(d -> d + ((checkDigit(d) + 1 + (int) (Math.abs(d.hashCode()) % 9)) % 10));
    }

    static String group(String digits, String sep) {
        if (sep.isEmpty()) {
            return digits;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append(sep);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** The digit that makes {@code payload + digit} pass Luhn. */
    static int checkDigit(String payload) {
        for (int d = 0; d < 10; d++) {
            if (Detectors.luhn(payload + d)) {
                return d;
            }
        }
        throw new IllegalStateException();
    }
}
