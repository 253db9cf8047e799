package io.sagashop.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser on another address: HTTP/1.0 (no chunked answers) over a socket bound to 127.0.0.2, so that a service on
 * 127.0.0.1 sees a stranger's address as its peer (the whole 127.0.0.0/8 is this machine's). Nothing
 * forwarded to believe or to forge: the shop's provider trusts no proxy locally. Just what a form
 * needs: GET a page, POST a form, keep the cookies, no redirects followed.
 */
final class FromAnotherAddress {

  static final String ADDRESS = "127.0.0.2";

  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** The answer's status, Location header and body. */
  record Answer(int status, String location, String body) {}

  Answer get(URI uri) throws IOException {
    return send("GET", uri, null);
  }

  Answer postForm(URI uri, String form) throws IOException {
    return send("POST", uri, form);
  }

  private Answer send(String method, URI uri, String form) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      socket.setSoTimeout(20_000);
      StringBuilder request = new StringBuilder()
          .append(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.0\r\n")
          .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
          .append("Connection: close\r\n");
      if (!cookies.isEmpty()) {
        request.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList())).append("\r\n");
      }
      byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
      if (form != null) {
        request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private Answer read(InputStream in) throws IOException {
    String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int headersEnd = response.indexOf("\r\n\r\n");
    String[] head = response.substring(0, headersEnd).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    String location = null;
    for (String header : head) {
      String lower = header.toLowerCase();
      if (lower.startsWith("location:")) {
        location = header.substring("location:".length()).trim();
      } else if (lower.startsWith("set-cookie:")) {
        Matcher cookie = Pattern.compile("^\\s*([^=]+)=([^;]*)").matcher(header.substring("set-cookie:".length()));
        if (cookie.find()) {
          cookies.put(cookie.group(1).trim(), cookie.group(2));
        }
      }
    }
    return new Answer(status, location, response.substring(headersEnd + 4));
  }
}
