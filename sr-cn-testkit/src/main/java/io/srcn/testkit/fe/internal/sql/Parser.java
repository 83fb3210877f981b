package io.srcn.testkit.fe.internal.sql;

import io.srcn.testkit.fe.internal.sql.Statement.Expression;
import io.srcn.testkit.fe.internal.sql.Statement.SelectItem;
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
      "'SELECT', 'SET', 'SHOW', 'ALTER', 'USE', 'CREATE', 'DROP', 'BEGIN', 'COMMIT', 'ROLLBACK'";

  private final String sql;
  private final List<Token> tokens;
  private final Dialect dialect;
  private int index;

  private Parser(String sql, List<Token> tokens, Dialect dialect) {
    this.sql = sql;
    this.tokens = tokens;
    this.dialect = dialect;
  }

  /**
   * Parses one statement.
   *
   * @throws SqlSyntaxException with the FE's syntax-error message when the text is not a statement
   *     the fake FE knows
   */
  public static Statement parse(String sql, Dialect dialect) throws SqlSyntaxException {
    Parser p = new Parser(sql, Tokenizer.tokenize(sql), dialect);
    return p.statement();
  }

  private Statement statement() throws SqlSyntaxException {
    Token first = peek();
    if (first.kind() == Kind.EOF || first.isSymbol(";")) {
      accept(";");
      expectEnd();
      return new Statement.Empty();
    }
    Statement s = dispatch(first);
    expectEnd();
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
        return select();
      case "SET":
        skipToEnd();
        return new Statement.SetVariables();
      case "USE":
        next();
        return new Statement.Use(identifier("a legal identifier"));
      case "CREATE":
        return createWarehouse();
      case "DROP":
        return dropWarehouse();
      case "BEGIN":
      case "START":
      case "COMMIT":
      case "ROLLBACK":
        skipToEnd();
        return new Statement.Transaction();
      default:
        throw unexpected(first, STATEMENT_STARTS);
    }
  }

  // ALTER SYSTEM ADD|DROP COMPUTE NODE 'h:p' (, 'h:p')* [INTO|FROM WAREHOUSE w [CNGROUP g]]
  private Statement alterSystem() throws SqlSyntaxException {
    next();
    keyword("SYSTEM", "'SYSTEM', 'TABLE', 'DATABASE', 'USER', 'WAREHOUSE'");
    boolean add;
    if (acceptWord("ADD")) {
      add = true;
    } else if (acceptWord("DROP")) {
      add = false;
    } else {
      throw unexpected(peek(), "'ADD', 'DROP'");
    }
    keyword("COMPUTE", "'COMPUTE', 'BACKEND', 'FOLLOWER', 'OBSERVER'");
    keyword("NODE", "'NODE'");
    List<String> addresses = new ArrayList<>();
    addresses.add(string());
    while (accept(",")) {
      addresses.add(string());
    }
    String warehouse = null;
    String cnGroup = null;
    if (dialect.warehouseClause() && acceptWord(add ? "INTO" : "FROM")) {
      keyword("WAREHOUSE", "'WAREHOUSE'");
      warehouse = identifierOrString();
      if (dialect.cnGroupClause() && acceptWord("CNGROUP")) {
        cnGroup = identifierOrString();
      }
    }
    return new Statement.AlterComputeNodes(add, List.copyOf(addresses), warehouse, cnGroup);
  }

  private Statement show() throws SqlSyntaxException {
    next();
    Token what = peek();
    String keyword = what.kind() == Kind.WORD ? what.text().toUpperCase(Locale.ROOT) : "";
    switch (keyword) {
      case "COMPUTE":
        next();
        keyword("NODES", "'NODES'");
        return new Statement.ShowComputeNodes();
      case "PROC":
        next();
        return new Statement.ShowProc(string());
      case "FRONTENDS":
        next();
        return new Statement.ShowFrontends();
      case "BACKENDS":
        next();
        return new Statement.ShowBackends();
      case "DATABASES":
        next();
        return new Statement.ShowDatabases();
      case "TABLES":
        next();
        return new Statement.ShowTables();
      case "WAREHOUSES":
        next();
        return new Statement.ShowWarehouses();
      case "GLOBAL":
      case "SESSION":
      case "VARIABLES":
        return showVariables();
      default:
        throw unexpected(
            what,
            "'COMPUTE', 'PROC', 'FRONTENDS', 'BACKENDS', 'DATABASES', 'TABLES', 'WAREHOUSES',"
                + " 'VARIABLES'");
    }
  }

  private Statement showVariables() throws SqlSyntaxException {
    if (!acceptWord("GLOBAL")) {
      acceptWord("SESSION");
    }
    keyword("VARIABLES", "'VARIABLES'");
    String like = null;
    if (acceptWord("LIKE")) {
      like = string();
    }
    return new Statement.ShowVariables(like);
  }

  private Statement createWarehouse() throws SqlSyntaxException {
    next();
    keyword("WAREHOUSE", "'WAREHOUSE'");
    boolean ifNotExists = false;
    if (acceptWord("IF")) {
      keyword("NOT", "'NOT'");
      keyword("EXISTS", "'EXISTS'");
      ifNotExists = true;
    }
    String name = identifierOrString();
    if (acceptWord("COMMENT")) {
      string();
    }
    if (acceptWord("PROPERTIES")) {
      properties();
    }
    return new Statement.CreateWarehouse(name, ifNotExists);
  }

  private void properties() throws SqlSyntaxException {
    expect("(");
    do {
      string();
      expect("=");
      string();
    } while (accept(","));
    expect(")");
  }

  private Statement dropWarehouse() throws SqlSyntaxException {
    next();
    keyword("WAREHOUSE", "'WAREHOUSE'");
    boolean ifExists = false;
    if (acceptWord("IF")) {
      keyword("EXISTS", "'EXISTS'");
      ifExists = true;
    }
    return new Statement.DropWarehouse(identifierOrString(), ifExists);
  }

  // SELECT item (, item)* [FROM DUAL] [LIMIT n]
  private Statement select() throws SqlSyntaxException {
    next();
    List<SelectItem> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (accept(","));
    if (acceptWord("FROM")) {
      keyword("DUAL", "'DUAL'");
    }
    long limit = -1;
    if (acceptWord("LIMIT")) {
      Token n = next();
      if (n.kind() != Kind.NUMBER || !n.text().chars().allMatch(Character::isDigit)) {
        throw unexpected(n, "a legal integer");
      }
      limit = Long.parseLong(n.text());
    }
    return new Statement.Select(List.copyOf(items), limit);
  }

  private SelectItem selectItem() throws SqlSyntaxException {
    int start = peek().start();
    Expression e = expression();
    int end = tokens.get(index - 1).end();
    String label = sql.substring(start, end);
    if (e instanceof Statement.Literal lit
        && lit.value() != null
        && peekPrevious().kind() == Kind.STRING) {
      label = lit.value();
    }
    if (acceptWord("AS")) {
      label = aliasName();
    } else if (isAliasStart(peek())) {
      label = aliasName();
    }
    return new SelectItem(e, label);
  }

  private Expression expression() throws SqlSyntaxException {
    Token t = next();
    switch (t.kind()) {
      case SYSTEM_VARIABLE:
        return systemVariable(t);
      case USER_VARIABLE:
        return new Statement.UserVariable(t.text());
      case NUMBER:
      case STRING:
        return new Statement.Literal(t.text());
      case SYMBOL:
        if (t.isSymbol("-") && peek().kind() == Kind.NUMBER) {
          return new Statement.Literal("-" + next().text());
        }
        throw unexpected(t, "a legal expression");
      case WORD:
        return wordExpression(t);
      default:
        throw unexpected(t, "a legal expression");
    }
  }

  private Expression wordExpression(Token t) throws SqlSyntaxException {
    if (t.isWord("NULL")) {
      return new Statement.Literal(null);
    }
    if (t.isWord("TRUE") || t.isWord("FALSE")) {
      return new Statement.Literal(t.isWord("TRUE") ? "1" : "0");
    }
    if (accept("(")) {
      expect(")");
      return new Statement.Function(t.text().toLowerCase(Locale.ROOT));
    }
    throw unexpected(t, "a legal expression");
  }

  private static Expression systemVariable(Token t) {
    String text = t.text().toLowerCase(Locale.ROOT);
    int dot = text.indexOf('.');
    if (dot >= 0) {
      return new Statement.SystemVariable(text.substring(0, dot), text.substring(dot + 1));
    }
    return new Statement.SystemVariable("", text);
  }

  private boolean isAliasStart(Token t) {
    if (t.kind() == Kind.QUOTED_IDENT || t.kind() == Kind.STRING) {
      return true;
    }
    return t.kind() == Kind.WORD && !t.isWord("FROM") && !t.isWord("LIMIT");
  }

  private String aliasName() throws SqlSyntaxException {
    Token t = next();
    if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENT || t.kind() == Kind.STRING) {
      return t.text();
    }
    throw unexpected(t, "a legal identifier");
  }

  private String string() throws SqlSyntaxException {
    Token t = next();
    if (t.kind() != Kind.STRING) {
      throw unexpected(t, "a legal string");
    }
    return t.text();
  }

  private String identifier(String expected) throws SqlSyntaxException {
    Token t = next();
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENT) {
      throw unexpected(t, expected);
    }
    return t.text();
  }

  private String identifierOrString() throws SqlSyntaxException {
    Token t = next();
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENT && t.kind() != Kind.STRING) {
      throw unexpected(t, "a legal identifier");
    }
    return t.text();
  }

  private void keyword(String keyword, String expected) throws SqlSyntaxException {
    Token t = next();
    if (!t.isWord(keyword)) {
      throw unexpected(t, expected);
    }
  }

  private boolean acceptWord(String keyword) {
    if (peek().isWord(keyword)) {
      index++;
      return true;
    }
    return false;
  }

  private boolean accept(String symbol) {
    if (peek().isSymbol(symbol)) {
      index++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) throws SqlSyntaxException {
    Token t = next();
    if (!t.isSymbol(symbol)) {
      throw unexpected(t, "'" + symbol + "'");
    }
  }

  private void expectEnd() throws SqlSyntaxException {
    accept(";");
    Token t = peek();
    if (t.kind() != Kind.EOF) {
      throw unexpected(t, "<EOF>, ';'");
    }
  }

  private void skipToEnd() {
    index = tokens.size() - 1;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peekPrevious() {
    return tokens.get(index - 1);
  }

  private Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Kind.EOF) {
      index++;
    }
    return t;
  }

  private SqlSyntaxException unexpected(Token t, String expected) {
    return SqlSyntaxException.unexpected(sql, t, expected);
  }
}
