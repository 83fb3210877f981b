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
   * @param warehouseClause {@code INTO|FROM WAREHOUSE w} after ADD/DROP COMPUTE NODE (3.3+)
   * @param cnGroupClause {@code CNGROUP g} after the warehouse (newest)
   */
  public record Dialect(boolean warehouseClause, boolean cnGroupClause) {}

  private static final String STATEMENT_STARTS =
      "'SELECT', 'SET', 'SHOW', 'ALTER', 'USE', 'CREATE', 'DROP', 'KILL', 'BEGIN', 'COMMIT',"
          + " 'ROLLBACK'";

  private final TokenCursor c;
  private final Dialect dialect;

  private Parser(TokenCursor cursor, Dialect dialect) {
    this.c = cursor;
    this.dialect = dialect;
  }

  /**
   * Parses one statement.
   *
   * @throws SqlSyntaxException with the FE's syntax-error message when the text is not a statement
   *     the fake FE knows
   */
  public static Statement parse(String sql, Dialect dialect) throws SqlSyntaxException {
    Parser p = new Parser(new TokenCursor(sql, Tokenizer.tokenize(sql)), dialect);
    return p.statement();
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
        return show();
      case "SELECT":
        return new SelectParser(c).select();
      case "SET":
        c.skipToEnd();
        return new Statement.SetVariables();
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
        throw c.unexpected(first, STATEMENT_STARTS);
    }
  }

  // ALTER SYSTEM ADD|DROP COMPUTE NODE 'h:p' (, 'h:p')* [INTO|FROM WAREHOUSE w [CNGROUP g]]
  private Statement alterSystem() throws SqlSyntaxException {
    c.next();
    c.keyword("SYSTEM", "'SYSTEM', 'TABLE', 'DATABASE', 'USER', 'WAREHOUSE'");
    boolean add;
    if (c.acceptWord("ADD")) {
      add = true;
    } else if (c.acceptWord("DROP")) {
      add = false;
    } else {
      throw c.unexpected(c.peek(), "'ADD', 'DROP'");
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

  private Statement show() throws SqlSyntaxException {
    c.next();
    Token what = c.peek();
    String keyword = what.kind() == Kind.WORD ? what.text().toUpperCase(Locale.ROOT) : "";
    switch (keyword) {
      case "COMPUTE":
        c.next();
        c.keyword("NODES", "'NODES'");
        return new Statement.ShowComputeNodes();
      case "PROC":
        c.next();
        return new Statement.ShowProc(c.string());
      case "FRONTENDS":
        c.next();
        return new Statement.ShowFrontends();
      case "BACKENDS":
        c.next();
        return new Statement.ShowBackends();
      case "DATABASES":
        c.next();
        return new Statement.ShowDatabases();
      case "TABLES":
        c.next();
        return new Statement.ShowTables();
      case "WAREHOUSES":
        c.next();
        return new Statement.ShowWarehouses();
      case "GLOBAL":
      case "SESSION":
      case "VARIABLES":
        return showVariables();
      default:
        throw c.unexpected(
            what,
            "'COMPUTE', 'PROC', 'FRONTENDS', 'BACKENDS', 'DATABASES', 'TABLES', 'WAREHOUSES',"
                + " 'VARIABLES'");
    }
  }

  private Statement showVariables() throws SqlSyntaxException {
    if (!c.acceptWord("GLOBAL")) {
      c.acceptWord("SESSION");
    }
    c.keyword("VARIABLES", "'VARIABLES'");
    String like = null;
    if (c.acceptWord("LIKE")) {
      like = c.string();
    }
    return new Statement.ShowVariables(like);
  }

  private Statement createWarehouse() throws SqlSyntaxException {
    c.next();
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
    c.next();
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
