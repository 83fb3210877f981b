package io.srcn.testkit.fe.internal.sql;

import java.util.List;

/** A statement the fake FE understands, as parsed from SQL text. */
public sealed interface Statement {

  /**
   * {@code ALTER SYSTEM ADD|DROP COMPUTE NODE 'h:p'[, ...] [INTO|FROM WAREHOUSE w [CNGROUP g]]}.
   *
   * @param add true for ADD, false for DROP
   * @param addresses the string literals as written (quotes removed, whitespace kept)
   * @param warehouse the warehouse name, or null when the clause is absent
   * @param cnGroup the CN group name, or null when absent
   */
  record AlterComputeNodes(boolean add, List<String> addresses, String warehouse, String cnGroup)
      implements Statement {}

  /** {@code SHOW COMPUTE NODES}. */
  record ShowComputeNodes() implements Statement {}

  /**
   * {@code SHOW PROC 'path'}.
   *
   * @param path the proc path, e.g. {@code /compute_nodes}
   */
  record ShowProc(String path) implements Statement {}

  /** {@code SHOW FRONTENDS}. */
  record ShowFrontends() implements Statement {}

  /** {@code SHOW BACKENDS}. */
  record ShowBackends() implements Statement {}

  /** {@code SHOW DATABASES}. */
  record ShowDatabases() implements Statement {}

  /** {@code SHOW TABLES}. */
  record ShowTables() implements Statement {}

  /** {@code SHOW WAREHOUSES}. */
  record ShowWarehouses() implements Statement {}

  /**
   * {@code SHOW [GLOBAL|SESSION] VARIABLES [LIKE 'pattern']}.
   *
   * @param like the LIKE pattern, or null for all variables
   */
  record ShowVariables(String like) implements Statement {}

  /**
   * {@code CREATE WAREHOUSE [IF NOT EXISTS] name [PROPERTIES (...)]}.
   *
   * @param name the warehouse name
   * @param ifNotExists whether IF NOT EXISTS was given
   */
  record CreateWarehouse(String name, boolean ifNotExists) implements Statement {}

  /**
   * {@code DROP WAREHOUSE [IF EXISTS] name}.
   *
   * @param name the warehouse name
   * @param ifExists whether IF EXISTS was given
   */
  record DropWarehouse(String name, boolean ifExists) implements Statement {}

  /**
   * {@code SELECT item, ... [FROM DUAL] [LIMIT n]} over constants, variables and niladic functions.
   *
   * @param items the select list
   * @param limit the LIMIT, or -1 when absent
   */
  record Select(List<SelectItem> items, long limit) implements Statement {}

  /**
   * One entry of a select list.
   *
   * @param expression what to evaluate
   * @param label the column label: the alias, or the expression as written
   */
  record SelectItem(Expression expression, String label) {}

  /**
   * {@code SET ...}: session settings are answered with OK; user variables are kept per session.
   *
   * @param userVariables the {@code @name = value} assignments, in order (empty for other SETs)
   */
  record SetVariables(List<UserAssignment> userVariables) implements Statement {}

  /**
   * {@code @name = value} in a SET.
   *
   * @param name the variable name (without {@code @}), lower case: user variables are
   *     case-insensitive
   * @param value a literal or a variable
   */
  record UserAssignment(String name, Expression value) {}

  /**
   * {@code SHOW [FULL] PROCESSLIST}.
   *
   * @param full whether FULL was given (Info not truncated)
   */
  record ShowProcesslist(boolean full) implements Statement {}

  /**
   * {@code SHOW WARNINGS|ERRORS [LIMIT n]}.
   *
   * @param errors true for SHOW ERRORS
   */
  record ShowWarnings(boolean errors) implements Statement {}

  /**
   * {@code USE db}.
   *
   * @param database the database name
   */
  record Use(String database) implements Statement {}

  /** {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK}: answered OK. */
  record Transaction() implements Statement {}

  /**
   * {@code KILL [CONNECTION | QUERY] id}.
   *
   * @param connectionId the connection to act on
   * @param queryOnly true for KILL QUERY (interrupt the running statement only)
   */
  record Kill(long connectionId, boolean queryOnly) implements Statement {}

  /** Nothing but comments or {@code ;}. */
  record Empty() implements Statement {}

  /** A value in a select list. */
  sealed interface Expression {}

  /**
   * A literal; null value means SQL NULL.
   *
   * @param value the literal's text value
   */
  record Literal(String value) implements Expression {}

  /**
   * {@code @@[scope.]name}.
   *
   * @param scope {@code session}, {@code global}, {@code local} or empty
   * @param name the variable name, lower case
   */
  record SystemVariable(String scope, String name) implements Expression {}

  /**
   * {@code @name}: a user variable (always NULL here).
   *
   * @param name the variable name
   */
  record UserVariable(String name) implements Expression {}

  /**
   * A function call without arguments, e.g. {@code DATABASE()}.
   *
   * @param name the function name, lower case
   */
  record Function(String name) implements Expression {}
}
