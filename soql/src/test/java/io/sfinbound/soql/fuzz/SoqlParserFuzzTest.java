package io.sfinbound.soql.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.sfinbound.soql.IncrementalWindow;
import io.sfinbound.soql.Soql;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.SoqlQuery;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzing of the SOQL parser: random text, mutations of the valid corpus (character flips, token deletions,
 * duplications and swaps, splices of two queries), deep nesting and huge literals. The parser either returns an AST
 * or throws the documented {@link SoqlException} (never another exception, never a {@link StackOverflowError}), with
 * a position when it parsed text, and within a generous deadline per input. An accepted query must also survive the
 * printer round trip, and the incremental rewrite must either work or refuse with a {@link SoqlException}.
 */
class SoqlParserFuzzTest {

    /** Generous: a parse takes microseconds; this only catches catastrophic (exponential) behaviour. */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    static final List<String> SEEDS = seeds();

    static final List<String> TOKENS = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "NOT IN", "LIKE",
            "INCLUDES", "EXCLUDES", "ORDER BY", "GROUP BY", "HAVING", "LIMIT", "OFFSET", "ASC", "DESC", "NULLS FIRST",
            "NULLS LAST", "USING SCOPE", "WITH", "FOR UPDATE", "FOR VIEW", "TYPEOF", "WHEN", "THEN", "ELSE", "END",
            "(", ")", ",", ".", "=", "!=", "<>", "<", "<=", ">", ">=", ":", "'", "\\", "'x'", "''", "'\\'", "null",
            "true", "false", "TODAY", "LAST_N_DAYS:", "LAST_N_DAYS:30", "2024-01-01", "2024-01-01T00:00:00Z",
            "2024-13-45T25:61:61+99:99", "1e400", "-0", "9".repeat(60), "COUNT()", "COUNT(Id)", "FIELDS(ALL)", "Id",
            "Name", "Owner.Name", "a.b.c.d.e", "\u0000", "\uFFFF", "\uD800", "😀", "\n", "\t", "\r\n", " ", "--", "/*",
            "*/", ";", "@", "$", "#", "%", "_", "{", "}", "[", "]");

    // ---- random text

    @Property(tries = 400)
    void randomTextOnlyEverThrowsSoqlException(@ForAll("randomText") String text) {
        parseWithinDeadline(text);
    }

    @Property(tries = 400)
    void randomTokenSequencesOnlyEverThrowSoqlException(@ForAll("tokenSoup") String text) {
        parseWithinDeadline(text);
    }

    // ---- mutations of valid queries

    @Property(tries = 600)
    void characterFlipsOfValidQueries(@ForAll("seed") String seed, @ForAll("positions") List<Integer> positions,
                                      @ForAll("chars") List<Character> replacements) {
        char[] c = seed.toCharArray();
        for (int i = 0; i < Math.min(positions.size(), replacements.size()); i++) {
            c[Math.floorMod(positions.get(i), c.length)] = replacements.get(i);
        }
        parseWithinDeadline(new String(c));
    }

    @Property(tries = 600)
    void tokenDeletionsDuplicationsAndSwapsOfValidQueries(@ForAll("seed") String seed,
                                                          @ForAll @IntRange(min = 0, max = 3) int operation,
                                                          @ForAll @IntRange(min = 0, max = 1000) int at,
                                                          @ForAll @IntRange(min = 1, max = 4) int times) {
        List<String> tokens = new ArrayList<>(List.of(seed.split("(?<=[\\s,()=<>])|(?=[\\s,()=<>])")));
        for (int t = 0; t < times && !tokens.isEmpty(); t++) {
            int i = (at * (t + 7)) % tokens.size();
            switch (operation) {
                case 0 -> tokens.remove(i);
                case 1 -> tokens.add(i, tokens.get(i));
                case 2 -> tokens.add(i, TOKENS.get((at + t) % TOKENS.size()));
                default -> {
                    int j = (i + at + 1) % tokens.size();
                    String x = tokens.get(i);
                    tokens.set(i, tokens.get(j));
                    tokens.set(j, x);
                }
            }
        }
        parseWithinDeadline(String.join("", tokens));
    }

    @Property(tries = 300)
    void splicesOfTwoValidQueries(@ForAll("seed") String a, @ForAll("seed") String b,
                                  @ForAll @IntRange(min = 0, max = 10_000) int cutA,
                                  @ForAll @IntRange(min = 0, max = 10_000) int cutB) {
        parseWithinDeadline(a.substring(0, cutA % (a.length() + 1)) + b.substring(cutB % (b.length() + 1)));
    }

    @Property(tries = 300)
    void truncationsOfValidQueries(@ForAll("seed") String seed, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        parseWithinDeadline(seed.substring(0, cut % (seed.length() + 1)));
    }

    // ---- deep nesting and huge literals

    @Property(tries = 60)
    void deepParenthesesInWhere(@ForAll @IntRange(min = 1, max = 20_000) int depth, @ForAll boolean closed) {
        String q = "SELECT Id FROM Account WHERE " + "(".repeat(depth) + "Name = 'x'" + (closed ? ")".repeat(depth) : "");
        parseWithinDeadline(q);
    }

    @Property(tries = 40)
    void deepNotChains(@ForAll @IntRange(min = 1, max = 20_000) int depth) {
        parseWithinDeadline("SELECT Id FROM Account WHERE " + "NOT ".repeat(depth) + "Name = 'x'");
    }

    @Property(tries = 40)
    void deepSubqueries(@ForAll @IntRange(min = 1, max = 5_000) int depth) {
        String q = "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Id IN (".repeat(depth)
                + "SELECT Id FROM Case" + "))".repeat(depth);
        parseWithinDeadline(q);
    }

    @Property(tries = 40)
    void deepFunctionCallsAndPaths(@ForAll @IntRange(min = 1, max = 20_000) int depth, @ForAll boolean path) {
        String expr = path ? "a." .repeat(depth) + "Name" : "toLabel(".repeat(depth) + "Name" + ")".repeat(depth);
        parseWithinDeadline("SELECT " + expr + " FROM Account");
    }

    @Property(tries = 60)
    void hugeLiterals(@ForAll @IntRange(min = 0, max = 3) int kind, @ForAll @IntRange(min = 1, max = 120_000) int size) {
        String literal = switch (kind) {
            case 0 -> "'" + "x".repeat(size) + "'";
            case 1 -> "9".repeat(size);
            case 2 -> "0." + "1".repeat(size) + "e" + "9".repeat(Math.min(size, 30));
            default -> "'" + "\\'".repeat(size / 2) + "'";
        };
        parseWithinDeadline("SELECT Id FROM Account WHERE Name = " + literal);
        parseWithinDeadline("SELECT Id FROM Account LIMIT " + literal);
    }

    @Property(tries = 30)
    void longInListsAndSelectLists(@ForAll @IntRange(min = 1, max = 30_000) int n) {
        parseWithinDeadline("SELECT Id FROM Account WHERE Name IN (" + "'a',".repeat(n) + "'b')");
        parseWithinDeadline("SELECT " + "Id, ".repeat(n) + "Name FROM Account");
    }

    // ---- oracle

    private static void parseWithinDeadline(String text) {
        Instant start = Instant.now();
        SoqlQuery parsed = run(text, () -> Soql.parse(text));
        if (parsed != null) {
            // an accepted query prints to SOQL that parses back to the same AST
            String printed = Soql.print(parsed);
            // the canonical form can be longer than the input ("'a','b'" prints as "'a', 'b'"): past Salesforce's
            // 100,000-character limit it is refused like any other statement of that length
            if (printed.length() <= 100_000) {
                assertThat(Soql.parse(printed)).as("round trip of %s", abbreviate(text)).isEqualTo(parsed);
            } else {
                run(printed, () -> Soql.parse(printed));
            }
            run(text, () -> Soql.incremental(parsed, new IncrementalWindow("LastModifiedDate", false,
                    Instant.parse("2025-01-01T00:00:00Z"), "001000000000001AAA", Instant.parse("2025-02-01T00:00:00Z"), 2000)));
        }
        assertThat(Duration.between(start, Instant.now())).as("time for %s", abbreviate(text)).isLessThan(DEADLINE);
    }

    /** The value, or null after the documented exception; anything else fails the property. */
    private static <T> T run(String text, Supplier<T> call) {
        try {
            return call.get();
        } catch (SoqlException e) {
            assertThat(e.getMessage()).as("message of %s", abbreviate(text)).isNotBlank();
            assertThat(e.getCause()).isNull();
            if (e.position().isKnown()) {
                assertThat(e.position().line()).isPositive();
                assertThat(e.position().column()).isPositive();
            }
            return null;
        } catch (StackOverflowError e) {
            throw new AssertionError("stack overflow on " + abbreviate(text), e);
        } catch (RuntimeException e) {
            throw new AssertionError("undocumented " + e.getClass().getName() + " on " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
    }

    // ---- generators

    @Provide
    Arbitrary<String> randomText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300),
                Arbitraries.strings().withChars("SELECTFROMWHERE IdName(),.='\\:<>!").ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of(TOKENS);
        return token.list().ofMaxSize(60).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> seed() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, 100_000).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Character>> chars() {
        return Combinators.combine(Arbitraries.chars().all(), Arbitraries.of('(', ')', '\'', '\\', ',', '.', ' ', ':', '=', '0', 'T', 'Z'))
                .as((any, special) -> any % 2 == 0 ? special : any)
                .list().ofMinSize(1).ofMaxSize(6);
    }

    /** The valid corpus of the soql module's tests: blocks separated by blank lines, {@code --} comments. */
    private static List<String> seeds() {
        String text;
        try (InputStream in = SoqlParserFuzzTest.class.getResourceAsStream("/corpus/valid-queries.soql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> queries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.startsWith("--")) {
                continue;
            }
            if (line.isBlank()) {
                if (current.length() > 0) {
                    queries.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            current.append(current.length() > 0 ? "\n" : "").append(line);
        }
        return List.copyOf(queries);
    }
}
