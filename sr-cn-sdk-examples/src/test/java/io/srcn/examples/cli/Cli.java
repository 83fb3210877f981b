package io.srcn.examples.cli;

import io.srcn.examples.Output;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs {@code srcn} in-process and captures its exit status and output. */
final class Cli {
  private Cli() {}

  /** One run's outcome. */
  record Run(int status, String out, String err) {
    /** Output and errors together, for failure messages. */
    String all() {
      return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  /** Runs {@code srcn args} with these environment variables. */
  static Run srcn(Map<String, String> env, String... args) {
    return srcn(env, new CountDownLatch(1), args);
  }

  /** Runs {@code srcn args}; {@code stop} stops a long-running command. */
  static Run srcn(Map<String, String> env, CountDownLatch stop, String... args) {
    Output out = new Output();
    Output err = new Output();
    int status = Srcn.run(args, out.stream(), err.stream(), env, stop);
    return new Run(status, out.text(), err.text());
  }
}
