package io.srcn.testkit.fe.internal.sql;

/**
 * One statement of a query text that may hold several ({@code CLIENT_MULTI_STATEMENTS}).
 *
 * @param sql the statement's own text (the whole query text when it holds one statement)
 * @param statement the parsed statement
 */
public record ParsedStatement(String sql, Statement statement) {}
