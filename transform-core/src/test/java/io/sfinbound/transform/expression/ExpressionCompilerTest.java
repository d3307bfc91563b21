package io.sfinbound.transform.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sfinbound.common.kafka.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expression language: syntax, types, functions, error positions and limits. Not a @QuarkusTest: pure logic. */
class ExpressionCompilerTest {

    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    static final ExpressionCompiler COMPILER = new ExpressionCompiler(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(200));
    static final JsonNode RECORD = read("""
            {"Id": "5001", "Status": "Closed", "Subject": "  Late delivery  ", "Amount": 12.5, "Rating": -3,
             "CreatedDate": "2024-05-20T20:49:32.000+0000", "ClosedDate": "2024-05-22", "Escalated": true,
             "Empty": "", "Nothing": null, "Owner": {"Name": "Ada Lovelace"}, "Account": null}
            """);

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Object eval(String expr) {
        return COMPILER.compile(expr, Type.ANY).evaluate(RECORD, TextNode.valueOf("value!"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', commentCharacter = ';', textBlock = """
            ABS(Rating)                                   | 3
            ROUND(Amount)                                 | 13
            ROUND(2.345, 2)                               | 2.35
            CONCAT(Status, '-', Id)                       | Closed-5001
            Status & ' by ' & Owner.Name                  | Closed by Ada Lovelace
            IF(Status = 'Closed', 'done', 'open')         | done
            IF(Status = 'closed', 'done', 'open')         | open
            ISBLANK(Empty)                                | true
            ISBLANK(Nothing)                              | true
            ISBLANK(Account.Name)                         | true
            ISBLANK(Status)                               | false
            CONTAINS(Subject, 'Late')                     | true
            CONTAINS(Subject, 'late')                     | false
            UPPER(Status)                                 | CLOSED
            LOWER(Status)                                 | closed
            TRIM(Subject)                                 | Late delivery
            REPLACE(Status, 'os', 'OS')                   | ClOSed
            SUBSTRING(Status, 2, 3)                       | los
            SUBSTRING(Status, 4)                          | sed
            LEN(TRIM(Subject))                            | 13
            DATEFORMAT(CreatedDate, 'yyyy/MM/dd HH:mm')   | 2024/05/20 20:49
            DATEFORMAT(CreatedDate, 'dd.MM.yyyy HH:mm', 'Europe/Berlin') | 20.05.2024 22:49
            DATEFORMAT(DATEPARSE('21/05/2024', 'dd/MM/yyyy'), 'yyyy-MM-dd') | 2024-05-21
            TOTEXT(DATEADD(CreatedDate, 2, 'day'))        | 2024-05-22T20:49:32Z
            TOTEXT(DATEADD(ClosedDate, -1, 'month'))      | 2024-04-22T00:00:00Z
            DATEDIFF(CreatedDate, ClosedDate, 'hour')     | 27
            DATEDIFF(CreatedDate, NOW(), 'day')           | 11
            TOTEXT(NOW())                                 | 2024-06-01T12:00:00Z
            AND(Escalated, Amount > 10)                   | true
            OR(Amount < 0, Status != 'Closed')            | false
            NOT(Escalated)                                | false
            NOT Escalated OR Amount >= 12.5               | true
            Escalated && !(Amount <> 12.5)                | true
            (Amount + 2.5) * 2 - 10 / 4 % 3               | 27.5
            -Amount                                       | -12.5
            CreatedDate > '2024-05-01'                    | true
            CreatedDate = '2024-05-20T20:49:32Z'          | true
            Status = 'Closed' AND Id = '5001'             | true
            $value                                        | value!
            CONCAT($value, '?')                           | value!?
            TONUMBER('42') + 1                            | 43
            STARTSWITH(Owner.Name, 'Ada')                 | true
            ENDSWITH(Owner.Name, 'lace')                  | true
            [Status] = 'Closed'                           | true
            if(status_is_not_used = NULL, 'a', 'b')       | x
            """)
    void shouldEvaluate(String expression, String expected) {
        if (expected.equals("x")) {
            // a field that is not in the record is a run-time error naming it
            assertThatThrownBy(() -> eval(expression)).isInstanceOf(ExpressionException.class)
                    .hasMessageContaining("status_is_not_used");
            return;
        }
        Object v = eval(expression);
        String text = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
        assertThat(text).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}:{2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', commentCharacter = ';', textBlock = """
            ABS('x')                         | 1 | 5  | ABS argument 1 expects a number, got a text
            'a' + 1                          | 1 | 1  | '+' adds numbers
            1 + 'a'                          | 1 | 5  | '+' adds numbers
            CONCAT(Status,                   | 1 | 15 | the expression ends too early
            CONCAT(Status 'x')               | 1 | 15 | expected ')' or ','
            UNKNOWNFN(1)                     | 1 | 1  | unknown function 'UNKNOWNFN'
            IF(Status = 'a', 1, 'b')         | 1 | 21 | IF branches must have one type
            IF(1, 2, 3)                      | 1 | 4  | IF argument 1 expects a Boolean, got a number
            'unterminated                    | 1 | 1  | unterminated text
            Status = 'a' AND                 | 1 | 17 | the expression ends too early
            LEN()                            | 1 | 1  | LEN takes 1 argument, got 0
            DATEFORMAT(NOW(), 'yyyy-qq-bb')  | 1 | 19 | invalid date pattern
            DATEADD(NOW(), 1, 'fortnight')   | 1 | 19 | unknown unit 'fortnight'
            DATEFORMAT(NOW(), 'yyyy', 'Mars/Base') | 1 | 27 | unknown time zone
            1 < TRUE                         | 1 | 5  | cannot compare a number with a Boolean
            TRUE < FALSE                     | 1 | 8  | true and false can only be compared with = and !=
            Status = 'a' )                   | 1 | 14 | unexpected ')'
            $other                           | 1 | 1  | unknown variable '$other'
            #                                | 1 | 1  | unexpected character '#'
            """)
    void shouldReportErrorsWithTheirPosition(String expression, int line, int column, String message) {
        assertThatThrownBy(() -> COMPILER.compile(expression, Type.ANY))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void shouldGivePositionsOnLaterLines() {
        String expr = "IF(Status = 'Closed',\n   UPPER(Amount),\n   'open')";
        ExpressionException e = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> COMPILER.compile(expr, Type.ANY, Map.of("Status", Type.TEXT, "Amount", Type.NUMBER)));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.getMessage()).contains("UPPER argument 1 expects a text, got a number");
    }

    @Test
    void shouldRequireABooleanFilter() {
        assertThatThrownBy(() -> COMPILER.compile("CONCAT(Status, 'x')", Type.BOOLEAN))
                .hasMessageContaining("must give a Boolean, it gives a text");
        CompiledExpression filter = COMPILER.compile("ISBLANK(Nothing)", Type.BOOLEAN);
        assertThat(filter.evaluate(RECORD, NullNode.getInstance())).isEqualTo(true);
        // An empty field makes a filter false rather than failing.
        assertThat(COMPILER.compile("Nothing", Type.BOOLEAN).evaluate(RECORD, NullNode.getInstance())).isEqualTo(false);
    }

    @Test
    void shouldSuggestTheRightCaseOfAKnownField() {
        assertThatThrownBy(() -> COMPILER.compile("status = 'Closed'", Type.BOOLEAN, Map.of("Status", Type.TEXT)))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.getMessage()).contains("unknown field 'status'").contains("did you mean 'Status'?");
                    assertThat(e.column()).isEqualTo(1);
                });
    }

    @Test
    void shouldFailAtRunTimeWithThePositionOfTheBadValue() {
        CompiledExpression e = COMPILER.compile("ABS(Status) > 1", Type.BOOLEAN);
        assertThatThrownBy(() -> e.evaluate(RECORD, NullNode.getInstance()))
                .isInstanceOfSatisfying(ExpressionException.class, x -> {
                    assertThat(x.getMessage()).contains("\u2039Closed\u203A is not a number");
                    assertThat(x.column()).isEqualTo(5);
                });
        assertThatThrownBy(() -> eval("Amount / 0")).hasMessageContaining("division by zero");
    }

    @Test
    void shouldBoundNestingAndTextGrowth() {
        String deep = "(".repeat(200) + "1" + ")".repeat(200);
        assertThatThrownBy(() -> COMPILER.compile(deep, Type.ANY)).hasMessageContaining("nested too deeply");
        // Each level doubles the text: 2^25 characters would take the memory of a worker.
        String grow = "'ab'";
        for (int i = 0; i < 25; i++) {
            grow = "CONCAT(" + grow + ", " + grow.replace("'ab'", "'ab'") + ")";
            if (grow.length() > 5000) {
                break;
            }
        }
        String doubling = "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("
                + "'abcdefghijklmnopqrstuvwxyz', 'a', 'aaaaaaaaaaaaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'),"
                + " 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'),"
                + " 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa')";
        assertThatThrownBy(() -> eval(doubling)).hasMessageContaining("text longer than");
    }

    @Test
    void shouldStopAnExpressionThatRunsPastItsBudget() {
        ExpressionCompiler strict = new ExpressionCompiler(Clock.systemUTC(), Duration.ZERO);
        StringBuilder many = new StringBuilder("LEN(Status)");
        for (int i = 0; i < 500; i++) {
            many.append(" + LEN(Status)");
        }
        CompiledExpression e = strict.compile(many.toString(), Type.NUMBER);
        assertThatThrownBy(() -> e.evaluate(RECORD, NullNode.getInstance())).hasMessageContaining("time budget");
    }

    @Test
    void shouldKeepNullsEmpty() {
        assertThat(eval("UPPER(Nothing)")).isNull();
        assertThat(eval("Amount + Nothing")).isNull();
        assertThat(eval("CONCAT(Nothing, 'a')")).isEqualTo("a");
        assertThat(eval("Nothing = NULL")).isEqualTo(true);
        assertThat(eval("Nothing > 1")).isEqualTo(false);
    }
}
