package io.srcn.sdk.internal.fe;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.fe.FeErrors.Kind;
import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeErrorsTest {
  private static SQLException fe(int code, String state, String message) {
    return new SQLSyntaxErrorException(message, state, code);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1064|42000|Compute node already exists with same host 10.0.0.1 and port 9050|ALREADY_EXISTS",
        "1064|HY000|Same compute node already exists[10.0.0.1:9050]|ALREADY_EXISTS",
        "1064|42000|Unexpected exception: Same compute node already exists[h:9050]|ALREADY_EXISTS",
        "1064|42000|Backend already exists with same host 10.0.0.1 and port 9050|STATEMENT",
        "1064|42000|Same backend already exists[10.0.0.1:9050]|STATEMENT",
        "1064|42000|compute node does not exists[10.0.0.1:9050]|DOES_NOT_EXIST",
        "1064|42000|Unexpected exception: compute node does not exists[[::1]:9050]|DOES_NOT_EXIST",
        "1064|42000|compute node [h:9050] does not exist in warehouse wh|DOES_NOT_EXIST",
        "1064|42000|Warehouse name: wh not exist.|STATEMENT",
        "1064|42000|Getting analyzing error. Detail message: Invalid host port: x.|STATEMENT",
        "1045|28000|Access denied for user 'root' (using password: YES)|ACCESS_DENIED",
        "1227|42000|Access denied; you need (at least one of) the OPERATOR privilege(s)|ACCESS_DENIED",
        "5203|42000|Access denied; you need (at least one of) the NODE privilege(s) on SYSTEM|ACCESS_DENIED",
        "1064|42000|Access denied; you need the NODE privilege|ACCESS_DENIED",
        "0|08S01|Communications link failure|CONNECTION",
        "1040|08004|Too many connections|CONNECTION",
        "0|08001|SSL Connection required, but not provided by server.|CONNECTION",
      })
  void classifiesByCodeAndText(int code, String state, String message, Kind expected) {
    assertThat(FeErrors.classify(fe(code, state, message))).isEqualTo(expected);
  }

  @Test
  void brokenConnectionsAreConnectionFailures() {
    assertThat(FeErrors.classify(new SQLRecoverableException("gone"))).isEqualTo(Kind.CONNECTION);
    assertThat(FeErrors.classify(new SQLException("read", "S1000", 0, new EOFException())))
        .isEqualTo(Kind.CONNECTION);
    assertThat(FeErrors.classify(new SQLException((String) null))).isEqualTo(Kind.STATEMENT);
  }

  @Test
  void messageDropsTheUnexpectedExceptionPrefixAndControlCharacters() {
    assertThat(FeErrors.message(fe(1064, "42000", "Unexpected exception: bad\nthing")))
        .isEqualTo("bad thing");
  }

  @Test
  void findsTheNodeADoesNotExistErrorNames() {
    List<HostPort> nodes =
        List.of(
            HostPort.parse("10.0.0.1:9050"),
            HostPort.parse("0.0.0.1:9050"),
            HostPort.parse("[::1]:9050"),
            HostPort.parse("h:905"));

    assertThat(FeErrors.firstMentioned("compute node does not exists[0.0.0.1:9050]", nodes))
        .isEqualTo(1);
    assertThat(FeErrors.firstMentioned("compute node does not exists[[::1]:9050]", nodes))
        .isEqualTo(2);
    assertThat(FeErrors.firstMentioned("compute node [h:905] does not exist in warehouse w", nodes))
        .isEqualTo(3);
    assertThat(FeErrors.firstMentioned("compute node does not exists[h:9050]", nodes))
        .isEqualTo(-1);
    assertThat(FeErrors.firstMentioned("something else", nodes)).isEqualTo(-1);
  }
}
