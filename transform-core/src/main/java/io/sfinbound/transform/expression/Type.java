package io.sfinbound.transform.expression;

/** Types of the expression language. ANY is a field whose type is known only at run time. */
public enum Type {
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN,
    ANY
}
