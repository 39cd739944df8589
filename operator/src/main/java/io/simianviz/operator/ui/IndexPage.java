package io.simianviz.operator.ui;

import java.util.List;

/** The index of the live views: one line per Architecture, with its page's link. */
final class IndexPage {
  private IndexPage() {}

  static String of(List<LiveViews.Entry> entries) {
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>simianviz architectures</title>
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <link rel="stylesheet" href="/ui/style.css">
        </head>
        <body class="index">
          <header><h1>simianviz architectures</h1></header>
          <table id="architectures">
            <thead><tr><th>namespace</th><th>name</th><th>tiers ready</th><th></th></tr></thead>
            <tbody>
        """);
    for (LiveViews.Entry e : entries) {
      String link = "/ui/" + escape(e.namespace()) + "/" + escape(e.name());
      html.append("      <tr><td>")
          .append(escape(e.namespace()))
          .append("</td><td>")
          .append(escape(e.name()))
          .append("</td><td class=\"ready\">")
          .append(escape(e.tiersReady()))
          .append("</td><td>")
          .append(
              e.problem() == null
                  ? "<a href=\"" + link + "\">live view</a>"
                  : "<a href=\""
                      + link
                      + "\">live view</a> <span class=\"dim\">invalid spec: "
                      + escape(e.problem())
                      + "</span>")
          .append("</td></tr>\n");
    }
    if (entries.isEmpty()) {
      html.append("      <tr><td colspan=\"4\" class=\"dim\">no Architecture yet</td></tr>\n");
    }
    html.append(
        """
            </tbody>
          </table>
        </body>
        </html>
        """);
    return html.toString();
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
