package io.sfinbound.transformer.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.transform.job.TransformException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of the live chat transcript parser on random and mutated Bodies (the golden transcripts cut, spliced and
 * sprinkled with markup): the parser never throws, building a conversation fails only with a
 * {@link TransformException} (MALFORMED_TRANSCRIPT, dead-lettered), and each Body is done within a generous deadline.
 */
class LiveChatFuzzTest {

    /** Generous: the CPU time of this thread, so that a machine shared by many builds does not fail the test. */
    static final Duration DEADLINE = Duration.ofSeconds(2);
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
    static final List<String> BODIES = goldenBodies();
    static final List<String> FRAGMENTS = List.of("<p align=\"center\">", "</p>", "<br>", "<br/>", "<div>", "</div>",
            "( 10s ) ", "( 1h 2m 3s ) ", "(", ")", ": ", "Agent ", "Chat Started: ", "Chat Origin: ",
            "Monday, December 17, 2018, 23:27:57 (-0500)", "Chat Transferred From A To B", "Visitor: ", "&amp;", "&#39;",
            "&#xD800;", "&lt;script&gt;", "<script>alert(1)</script>", "<table><tr><td>", "<!--", "-->", "\n", "\u0000",
            "😀", "\ud800", "ä", "Royalle G", "x".repeat(300), "( 99999999999999999999s ) X: y", "<p", "<<<<", ">>>>");

    final LiveChatBodyParser parser = new LiveChatBodyParser();
    final LiveChatConversations conversations = new LiveChatConversations();

    @Property(tries = 200)
    void mutatedTranscriptsParseWithinTheDeadline(@ForAll("mutatedBodies") String body) {
        check(body);
    }

    @Property(tries = 200)
    void randomMarkupParsesWithinTheDeadline(@ForAll("fragmentSequences") String body) {
        check(body);
    }

    @Property(tries = 200)
    void arbitraryTextParsesWithinTheDeadline(@ForAll("anyText") String body) {
        check(body);
    }

    @Example
    void absurdOffsetsAreNotMessages() {
        // found by randomMarkupParsesWithinTheDeadline: Long.parseLong overflowed on a 20-digit offset
        ParsedTranscript parsed = parser.parse("( 99999999999999999999s ) X: y<br>( 999999999h ) Y: z<br>( 10s ) A: hi");
        assertThat(parsed.lines()).extracting(ChatLine::speaker).containsExactly(null, null, "A");
        assertThat(parsed.lines().get(2).offsetSeconds()).isEqualTo(10L);
        check("( 99999999999999999999s ) X: y<br>( 10s ) A: hi");
    }

    void check(String body) {
        long start = cpuNanos();
        ParsedTranscript parsed = parser.parse(body);
        assertThat(parsed.lines()).isNotNull().allSatisfy(l -> assertThat(l.text()).isNotNull());
        ObjectNode record = Json.mapper().createObjectNode().put("Id", "570000000000001")
                .put("StartTime", "2024-05-20T20:49:30.000+0000").put("Body", body);
        for (ParticipantMode mode : ParticipantMode.values()) {
            try {
                assertThat(conversations.build(record, mode)).isNotNull();
            } catch (TransformException e) {
                assertThat(e.code()).isEqualTo(TransformException.MALFORMED_TRANSCRIPT);
            }
        }
        assertThat(Duration.ofNanos(cpuNanos() - start)).as("time for a Body of %d chars", body.length())
                .isLessThan(DEADLINE);
    }

    @Provide
    Arbitrary<String> mutatedBodies() {
        Arbitrary<String> body = Arbitraries.of(BODIES);
        Arbitrary<String> other = Arbitraries.of(BODIES);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 100_000);
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        return Combinators.combine(body, other, at, fragment, kind).as((b, o, pos, f, k) -> {
            int p = pos % (b.length() + 1);
            return switch (k) {
                case 0 -> b.substring(0, p) + f + b.substring(p);
                case 1 -> b.substring(0, p);
                case 2 -> b.substring(0, p) + o.substring(pos % (o.length() + 1));
                default -> b.substring(0, p) + f.repeat(1 + pos % 200) + b.substring(p);
            };
        });
    }

    @Provide
    Arbitrary<String> fragmentSequences() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(500);
    }

    static List<String> goldenBodies() {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/chat"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json"))
                    .sorted().map(f -> {
                        try {
                            JsonNode body = Json.mapper().readTree(f.toFile()).path("record").path("Body");
                            return body.isTextual() ? body.textValue() : "";
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).filter(b -> !b.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
