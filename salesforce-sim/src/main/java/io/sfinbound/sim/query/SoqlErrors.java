package io.sfinbound.sim.query;

import io.sfinbound.sim.api.SalesforceException;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.SourcePosition;

/**
 * Salesforce's query error messages: the query line, a caret under the error, {@code ERROR at Row:r:Column:c} and
 * the reason, e.g. {@code "\nSELECT Id, Foo FROM Case\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'Case'. ..."}.
 */
final class SoqlErrors {

    private static final String CUSTOM_FIELD_HINT = " If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. "
            + "Please reference your WSDL or the describe call for the appropriate names.";

    private SoqlErrors() {
    }

    static String located(String soql, SourcePosition pos, String reason) {
        if (pos == null || !pos.isKnown()) {
            return reason;
        }
        String[] lines = soql.split("\r?\n", -1);
        String line = pos.line() >= 1 && pos.line() <= lines.length ? lines[pos.line() - 1] : soql;
        int col = Math.max(1, pos.column());
        // long lines are cut around the error, as Salesforce does
        int from = 0;
        if (line.length() > 120 && col > 60) {
            from = col - 60;
        }
        String shown = line.substring(Math.min(from, line.length()), Math.min(line.length(), from + 120));
        return "\n" + shown + "\n" + " ".repeat(Math.max(0, col - 1 - from)) + "^\nERROR at Row:" + pos.line() + ":Column:" + pos.column() + "\n" + reason;
    }

    static SalesforceException fromParser(String soql, SoqlException e) {
        String reason;
        if (e.unexpected() != null) {
            reason = "<EOF>".equals(e.unexpected()) ? "unexpected token: <EOF>" : "unexpected token: " + e.unexpected();
        } else {
            reason = e.detail() != null ? e.detail() : e.getMessage();
        }
        String code = e.errorCode() == null ? "MALFORMED_QUERY" : e.errorCode();
        return new SalesforceException(400, code, located(soql, e.position(), reason));
    }

    static SalesforceException noSuchColumn(String soql, SourcePosition pos, String column, String object) {
        return SalesforceException.invalidField(located(soql, pos, "No such column '" + column + "' on entity '" + object + "'." + CUSTOM_FIELD_HINT));
    }

    static SalesforceException badRelationship(String soql, SourcePosition pos, String relationship) {
        return SalesforceException.invalidField(located(soql, pos, "Didn't understand relationship '" + relationship
                + "' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. "
                + "Please reference your WSDL or the describe call for the appropriate names."));
    }

    static SalesforceException unknownObject(String soql, SourcePosition pos, String object) {
        return SalesforceException.invalidType(located(soql, pos, "sObject type '" + object + "' is not supported. If you are attempting to use a custom object, "
                + "be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."));
    }

    static SalesforceException badChildRelationship(String soql, SourcePosition pos, String relationship) {
        return SalesforceException.invalidType(located(soql, pos, "Didn't understand relationship '" + relationship
                + "' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. "
                + "Please reference your WSDL or the describe call for the appropriate names."));
    }

    static SalesforceException notFilterable(String soql, SourcePosition pos, String field) {
        return SalesforceException.invalidField(located(soql, pos, "field '" + field + "' can not be filtered in a query call"));
    }

    static SalesforceException notSortable(String soql, SourcePosition pos, String field) {
        return SalesforceException.invalidField(located(soql, pos, "field '" + field + "' can not be sorted in a query call"));
    }
}
