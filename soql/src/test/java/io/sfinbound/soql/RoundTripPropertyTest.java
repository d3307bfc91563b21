package io.sfinbound.soql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sfinbound.soql.ast.SoqlQuery;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property: printing any AST and parsing the text gives the same AST, and printing is a fixed point. Plain jqwik,
 * no container: parser and printer are pure functions.
 */
class RoundTripPropertyTest {

    @Provide
    Arbitrary<SoqlQuery> queries() {
        return AstArbitraries.query(1);
    }

    @Property(tries = 300)
    void parseOfPrintIsIdentity(@ForAll("queries") SoqlQuery query) {
        String text = Soql.print(query);
        SoqlQuery parsed = Soql.parse(text);
        assertThat(parsed).as(text).isEqualTo(query);
        assertThat(Soql.print(parsed)).isEqualTo(text);
    }

    @Property(tries = 100)
    void keywordCaseAndWhitespaceDoNotMatter(@ForAll("queries") SoqlQuery query) {
        String text = Soql.print(query);
        String lower = text.replace("SELECT ", "select\n\t").replace(" FROM ", "\r\n  from  ")
                .replace(" WHERE ", "  where ").replace(" AND ", " and\n").replace(" ORDER BY ", " order   by ");
        assertThat(Soql.parse(lower)).as(lower).isEqualTo(query);
    }
}
