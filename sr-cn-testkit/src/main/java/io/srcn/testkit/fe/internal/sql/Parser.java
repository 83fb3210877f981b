package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small recursive-descent parser for the statements a StarRocks FE receives from CN management
 * tools and MySQL clients. Keywords are case-insensitive; one trailing {@code ;} is allowed.
 *
 * <p>Not thread-safe; one instance per statement (use {@link #parse}).
 */
public final class Parser {
  /**
   * Which optional clauses the FE version's grammar has.
   *
   * @param warehouseClause {@code INTO|FROM WAREHOUSE w} after ADD/DROP COMPUTE NODE, and the
   *     statements {@code CREATE|DROP WAREHOUSE} and {@code SHOW WAREHOUSES} (3.4+: OSS branch-3.3
   *     lost all of them with the backport of #44763, commit 3053edfa)
   * @param cnGroupClause {@code CNGROUP g} after the warehouse (newest)
   */
  public record Dialect(boolean warehouseClause, boolean cnGroupClause) {}

  private static final String STATEMENT_STARTS =
      "'SELECT', 'SET', 'SHOW', 'ALTER', 'USE', 'CREATE', 'DROP', 'KILL', 'BEGIN', 'COMMIT',"
          + " 'ROLLBACK'";

  // statements of StarRocks' grammar (StarRocks.g4 `statement`) and MySQL's that the fake does not
  // model: answered with UnmodelledStatementException, not a syntax error
  private static final java.util.Set<String> UNMODELLED_STARTS =
      java.util.Set.of(
          "INSERT",
          "UPDATE",
          "DELETE",
          "REPLACE",
          "EXPLAIN",
          "DESC",
          "DESCRIBE",
          "PREPARE",
          "EXECUTE",
          "DEALLOCATE",
          "GRANT",
          "REVOKE",
          "ANALYZE",
          "LOAD",
          "TRUNCATE",
          "REFRESH",
          "SUBMIT",
          "CANCEL",
          "RECOVER",
          "ADMIN",
          "INSTALL",
          "UNINSTALL",
          "WITH",
          "VALUES",
          "TABLE",
          "EXPORT",
          "PAUSE",
          "RESUME",
          "STOP",
          "BACKUP",
          "RESTORE",
          "SYNC",
          "TRACE",
          "RENAME",
          "CALL",
          "DO",
          "HELP",
          "LOCK",
          "UNLOCK",
          "FLUSH",
          "CHECK",
          "OPTIMIZE",
          "REPAIR",
          "CLEAN",
          "RELEASE",
          "SAVEPOINT",
          "XA",
          "HANDLER",
          "ARCHIVE",
          "CACHE",
          "CLEAR",
          "UNSET");

  private static final java.util.Set<String> OTHER_NODES =
      java.util.Set.of("BACKEND", "FOLLOWER", "OBSERVER", "BROKER", "FRONTEND");

  private final TokenCursor c;
  private final Dialect dialect;
  private boolean parameters; // '?' markers allowed in select lists (COM_STMT_PREPARE)

  private Parser(TokenCursor cursor, Dialect dialect) {
    this.c = cursor;
    this.dialect = dialect;
  }

  /**
   * Parses one statement.
   *
   * @throws SqlSyntaxException with the FE's syntax-error message when the text is not a statement
   *     the fake FE knows ({@link UnmodelledStatementException} when it is valid SQL the fake does
   *     not model)
   */
  public static Statement parse(String sql, Dialect dialect) throws SqlSyntaxException {
    Parser p = new Parser(new TokenCursor(sql, Tokenizer.tokenize(sql)), dialect);
    return p.statement();
  }

  /**
   * Parses a query text holding one or more statements separated by {@code ;}, as the FE does
   * before running any of them ({@code SqlParser.parse} in StarRocks' {@code
   * ConnectProcessor.executeQueryAttempt}): a syntax error anywhere fails the whole text. Empty
   * statements ({@code ;;}) are skipped; a text with none yields one {@link Statement.Empty}.
   *
   * @return the statements in order; a single statement carries the whole text as its SQL
   * @throws SqlSyntaxException as {@link #parse}, positions relative to the whole text
   */
  public static List<ParsedStatement> parseAll(String sql, Dialect dialect)
      throws SqlSyntaxException {
    return statements(sql, dialect, false);
  }

  /**
   * Parses the text of {@code COM_STMT_PREPARE}: like {@link #parseAll}, with {@code ?} parameter
   * markers allowed where a select list takes a value (StarRocks.g4 {@code parameter}); anywhere
   * else a marker is a syntax error, as in the FE.
   */
  public static List<ParsedStatement> parsePrepared(String sql, Dialect dialect)
      throws SqlSyntaxException {
    return statements(sql, dialect, true);
  }

  private static List<ParsedStatement> statements(String sql, Dialect dialect, boolean parameters)
      throws SqlSyntaxException {
    TokenCursor cursor = new TokenCursor(sql, Tokenizer.tokenize(sql));
    Parser p = new Parser(cursor, dialect);
    p.parameters = parameters;
    List<ParsedStatement> out = new ArrayList<>(1);
    while (true) {
      while (cursor.accept(";")) {
        // empty statement
      }
      Token first = cursor.peek();
      if (first.kind() == Kind.EOF) {
        break;
      }
      Statement s = p.dispatch(first);
      int end = cursor.peekPrevious().end();
      cursor.expectStatementEnd();
      out.add(new ParsedStatement(sql.substring(first.start(), end), s));
    }
    if (out.isEmpty()) {
      return List.of(new ParsedStatement(sql, new Statement.Empty()));
    }
    if (out.size() == 1) {
      return List.of(new ParsedStatement(sql, out.get(0).statement()));
    }
    return List.copyOf(out);
  }

  private Statement statement() throws SqlSyntaxException {
    Token first = c.peek();
    if (first.kind() == Kind.EOF || first.isSymbol(";")) {
      c.accept(";");
      c.expectEnd();
      return new Statement.Empty();
    }
    Statement s = dispatch(first);
    c.expectEnd();
    return s;
  }

  private Statement dispatch(Token first) throws SqlSyntaxException {
    String keyword = first.kind() == Kind.WORD ? first.text().toUpperCase(Locale.ROOT) : "";
    switch (keyword) {
      case "ALTER":
        return alterSystem();
      case "SHOW":
        return new ShowParser(c, dialect.warehouseClause()).show();
      case "SELECT":
        return new SelectParser(c, -1, parameters).select();
      case "SET":
        return new SetParser(c).set();
      case "USE":
        c.next();
        return new Statement.Use(c.identifier("a legal identifier"));
      case "CREATE":
        return createWarehouse();
      case "DROP":
        return dropWarehouse();
      case "KILL":
        return kill();
      case "BEGIN":
      case "START":
      case "COMMIT":
      case "ROLLBACK":
        c.skipToEnd();
        return new Statement.Transaction();
      default:
        if (UNMODELLED_STARTS.contains(keyword)) {
          throw c.unmodelled(c.position());
        }
        throw c.unexpected(first, STATEMENT_STARTS);
    }
  }

  // ALTER SYSTEM ADD|DROP COMPUTE NODE 'h:p' (, 'h:p')* [INTO|FROM WAREHOUSE w [CNGROUP g]]
  private Statement alterSystem() throws SqlSyntaxException {
    int start = c.position();
    c.next();
    if (c.peek().kind() == Kind.WORD && !c.peek().isWord("SYSTEM")) {
      throw c.unmodelled(start); // ALTER TABLE, USER, DATABASE, WAREHOUSE, ...
    }
    c.keyword("SYSTEM", "'SYSTEM', 'TABLE', 'DATABASE', 'USER', 'WAREHOUSE'");
    boolean add;
    if (c.acceptWord("ADD")) {
      add = true;
    } else if (c.acceptWord("DROP")) {
      add = false;
    } else if (c.peek().kind() == Kind.WORD) {
      throw c.unmodelled(start); // DECOMMISSION BACKEND, MODIFY ..., CANCEL ...
    } else {
      throw c.unexpected(c.peek(), "'ADD', 'DROP'");
    }
    if (c.peek().kind() == Kind.WORD
        && !c.peek().isWord("COMPUTE")
        && OTHER_NODES.contains(c.peek().text().toUpperCase(Locale.ROOT))) {
      throw c.unmodelled(start); // ADD BACKEND, ADD FOLLOWER, ...
    }
    c.keyword("COMPUTE", "'COMPUTE', 'BACKEND', 'FOLLOWER', 'OBSERVER'");
    c.keyword("NODE", "'NODE'");
    List<String> addresses = new ArrayList<>();
    addresses.add(c.string());
    while (c.accept(",")) {
      addresses.add(c.string());
    }
    String warehouse = null;
    String cnGroup = null;
    if (dialect.warehouseClause() && c.acceptWord(add ? "INTO" : "FROM")) {
      c.keyword("WAREHOUSE", "'WAREHOUSE'");
      warehouse = c.identifierOrString();
      if (dialect.cnGroupClause() && c.acceptWord("CNGROUP")) {
        cnGroup = c.identifierOrString();
      }
    }
    return new Statement.AlterComputeNodes(add, List.copyOf(addresses), warehouse, cnGroup);
  }

  private Statement createWarehouse() throws SqlSyntaxException {
    int start = c.position();
    c.next();
    if (c.peek().kind() == Kind.WORD && !c.peek().isWord("WAREHOUSE")) {
      throw c.unmodelled(start); // CREATE TABLE, USER, DATABASE, ...
    }
    noWarehouseStatement();
    c.keyword("WAREHOUSE", "'WAREHOUSE'");
    boolean ifNotExists = false;
    if (c.acceptWord("IF")) {
      c.keyword("NOT", "'NOT'");
      c.keyword("EXISTS", "'EXISTS'");
      ifNotExists = true;
    }
    String name = c.identifierOrString();
    if (c.acceptWord("COMMENT")) {
      c.string();
    }
    if (c.acceptWord("PROPERTIES")) {
      properties();
    }
    return new Statement.CreateWarehouse(name, ifNotExists);
  }

  /** Before 3.4 the grammar has no warehouse statements: WAREHOUSE after CREATE/DROP is a typo. */
  private void noWarehouseStatement() throws SqlSyntaxException {
    if (!dialect.warehouseClause()) {
      throw c.unexpected(c.peek(), "'TABLE', 'DATABASE', 'VIEW', 'USER', 'ROLE'");
    }
  }

  private void properties() throws SqlSyntaxException {
    c.expect("(");
    do {
      c.string();
      c.expect("=");
      c.string();
    } while (c.accept(","));
    c.expect(")");
  }

  private Statement dropWarehouse() throws SqlSyntaxException {
    int start = c.position();
    c.next();
    if (c.peek().kind() == Kind.WORD && !c.peek().isWord("WAREHOUSE")) {
      throw c.unmodelled(start); // DROP TABLE, USER, DATABASE, ...
    }
    noWarehouseStatement();
    c.keyword("WAREHOUSE", "'WAREHOUSE'");
    boolean ifExists = false;
    if (c.acceptWord("IF")) {
      c.keyword("EXISTS", "'EXISTS'");
      ifExists = true;
    }
    return new Statement.DropWarehouse(c.identifierOrString(), ifExists);
  }

  // KILL [CONNECTION | QUERY] id
  private Statement kill() throws SqlSyntaxException {
    c.next();
    boolean queryOnly = c.acceptWord("QUERY");
    if (!queryOnly) {
      c.acceptWord("CONNECTION");
    }
    Token id = c.next();
    if (id.kind() != Kind.NUMBER
        || !id.text().chars().allMatch(Character::isDigit)
        || id.text().length() > 18) {
      throw c.unexpected(id, "a legal integer");
    }
    return new Statement.Kill(Long.parseLong(id.text()), queryOnly);
  }
}
