package io.srcn.examples.bench;

import io.srcn.examples.bench.ScaleSandboxBenchmark.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Writes {@link ScaleSandboxBenchmark}'s series as CSV and draws it as one SVG chart, built as a
 * string (no charting library): a log-log plot of register-all time, first-pass time, CPU time and
 * heap against the number of groups, with a dashed line of linear growth for comparison.
 *
 * <p>Stateless and thread-safe.
 */
final class ScaleChart {
  private static final int W = 720;
  private static final int H = 440;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;

  private record Series(String name, String unit, String colour, ToDoubleFunction<Row> value) {}

  private static final List<Series> SERIES =
      List.of(
          new Series("register all", "s", "#d62728", Row::registerSeconds),
          new Series("first pass", "s", "#ff7f0e", Row::firstPassSeconds),
          new Series("CPU", "s", "#1f77b4", Row::cpuSeconds),
          new Series("heap after GC", "MiB", "#2ca02c", Row::heapMiB));

  private ScaleChart() {}

  /** One line per size; the header names the columns and units. */
  static void writeCsv(List<Row> rows, Path file) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "groups,pods,setup_s,start_s,first_pass_s,register_all_s,cpu_s,sandbox_cpu_s,"
                + "heap_after_gc_mib,k8s_requests,fe_statements,load\n");
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%d,%.1f,%.2f,%.2f,%.2f,%.2f,%.2f,%.0f,%d,%d,%s%n",
              r.groups(),
              r.groups() * 3,
              r.setupSeconds(),
              r.startSeconds(),
              r.firstPassSeconds(),
              r.registerSeconds(),
              r.cpuSeconds(),
              r.sandboxCpuSeconds(),
              r.heapMiB(),
              r.k8sRequests(),
              r.feStatements(),
              r.load()));
    }
    write(file, sb.toString());
  }

  /**
   * The rows of a CSV {@link #writeCsv} wrote (its header line first); a CSV of before the
   * sandbox's CPU column (11 columns) reads with that column NaN.
   */
  static List<Row> readCsv(Path file) throws IOException {
    List<Row> rows = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("groups,")) {
        continue;
      }
      String[] c = line.split(",", -1);
      if (c.length == 11) { // before the sandbox_cpu_s column
        List<String> cols = new java.util.ArrayList<>(List.of(c));
        cols.add(7, "NaN");
        c = cols.toArray(String[]::new);
      }
      if (c.length != 12) {
        throw new IllegalArgumentException(
            file + ": expected 12 columns (see its header), got " + c.length + ": " + line);
      }
      rows.add(
          new Row(
              Integer.parseInt(c[0]),
              Double.parseDouble(c[2]),
              Double.parseDouble(c[3]),
              Double.parseDouble(c[4]),
              Double.parseDouble(c[5]),
              Double.parseDouble(c[6]),
              Double.parseDouble(c[7]),
              Double.parseDouble(c[8]),
              Long.parseLong(c[9]),
              Long.parseLong(c[10]),
              c[11]));
    }
    return rows;
  }

  /** The log-log chart. */
  static void writeSvg(List<Row> rows, Path file) throws IOException {
    double xMin = decadeBelow(rows.stream().mapToDouble(Row::groups).min().orElse(1));
    double xMax = decadeAbove(rows.stream().mapToDouble(Row::groups).max().orElse(10));
    double yMin = Double.MAX_VALUE;
    double yMax = 0;
    for (Row r : rows) {
      for (Series s : SERIES) {
        double v = s.value().applyAsDouble(r);
        if (v > 0) {
          yMin = Math.min(yMin, v);
          yMax = Math.max(yMax, v);
        }
      }
    }
    yMin = decadeBelow(yMin == Double.MAX_VALUE ? 0.1 : yMin);
    yMax = decadeAbove(Math.max(yMax, yMin * 10));
    Axes a = new Axes(xMin, xMax, yMin, yMax);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            W,
            H,
            W,
            H));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        text(
            W / 2.0 - 90,
            22,
            "One controller, N groups x 3 pods (log-log)",
            "font-size=\"14\" text-anchor=\"middle\""));
    for (double x = xMin; x <= xMax * 1.0001; x *= 10) {
      svg.append(line(a.x(x), TOP, a.x(x), H - BOTTOM, "#ddd", ""));
      svg.append(text(a.x(x), H - BOTTOM + 18, label(x), "text-anchor=\"middle\""));
    }
    for (double y = yMin; y <= yMax * 1.0001; y *= 10) {
      svg.append(line(LEFT, a.y(y), W - RIGHT, a.y(y), "#ddd", ""));
      svg.append(text(LEFT - 6, a.y(y) + 4, label(y), "text-anchor=\"end\""));
    }
    svg.append(line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "#000", ""));
    svg.append(line(LEFT, TOP, LEFT, H - BOTTOM, "#000", ""));
    svg.append(
        text((LEFT + W - RIGHT) / 2.0, H - 18, "groups (3 pods each)", "text-anchor=\"middle\""));
    svg.append(
        text(
            18,
            (TOP + H - BOTTOM) / 2.0,
            "seconds / MiB",
            "text-anchor=\"middle\" transform=\"rotate(-90 18 "
                + fmt((TOP + H - BOTTOM) / 2.0)
                + ")\""));
    int legend = 0;
    for (Series s : SERIES) {
      StringBuilder points = new StringBuilder();
      for (Row r : rows) {
        double v = s.value().applyAsDouble(r);
        if (v > 0) {
          points.append(fmt(a.x(r.groups()))).append(',').append(fmt(a.y(v))).append(' ');
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%s\" cy=\"%s\" r=\"3.5\" fill=\"%s\"/>%n",
                  fmt(a.x(r.groups())),
                  fmt(a.y(v)),
                  s.colour()));
        }
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              points.toString().trim(),
              s.colour()));
      double ly = TOP + 10 + legend++ * 20;
      svg.append(line(W - RIGHT + 15, ly, W - RIGHT + 40, ly, s.colour(), "stroke-width=\"2\""));
      svg.append(text(W - RIGHT + 46, ly + 4, s.name() + " (" + s.unit() + ")", ""));
    }
    if (!rows.isEmpty()) {
      Row first = rows.get(0);
      double v0 = first.registerSeconds();
      double x1 = rows.get(rows.size() - 1).groups();
      double v1 = v0 * x1 / first.groups();
      svg.append(
          line(
              a.x(first.groups()),
              a.y(v0),
              a.x(x1),
              a.y(Math.min(v1, yMax)),
              "#999",
              "stroke-dasharray=\"5,4\""));
      double ly = TOP + 10 + legend * 20;
      svg.append(line(W - RIGHT + 15, ly, W - RIGHT + 40, ly, "#999", "stroke-dasharray=\"5,4\""));
      svg.append(text(W - RIGHT + 46, ly + 4, "linear (x10 per x10)", ""));
      Row last = rows.get(rows.size() - 1);
      svg.append(
          text(
              W - RIGHT + 15,
              TOP + 10 + (legend + 2) * 20,
              "load " + last.load() + " at " + label(last.groups()),
              "fill=\"#555\""));
    }
    svg.append("</svg>\n");
    write(file, svg.toString());
  }

  private record Axes(double xMin, double xMax, double yMin, double yMax) {
    double x(double v) {
      return LEFT + (W - LEFT - RIGHT) * Math.log10(v / xMin) / Math.log10(xMax / xMin);
    }

    double y(double v) {
      return H - BOTTOM - (H - TOP - BOTTOM) * Math.log10(v / yMin) / Math.log10(yMax / yMin);
    }
  }

  private static double decadeBelow(double v) {
    return Math.pow(10, Math.floor(Math.log10(v)));
  }

  private static double decadeAbove(double v) {
    return Math.pow(10, Math.ceil(Math.log10(v) - 1e-9));
  }

  private static String label(double v) {
    return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : fmt(v);
  }

  private static String line(double x1, double y1, double x2, double y2, String c, String extra) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" %s/>%n",
        fmt(x1),
        fmt(y1),
        fmt(x2),
        fmt(y2),
        c,
        extra);
  }

  private static String text(double x, double y, String s, String extra) {
    return String.format(
        Locale.ROOT, "<text x=\"%s\" y=\"%s\" %s>%s</text>%n", fmt(x), fmt(y), extra, s);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
  }

  private static void write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
