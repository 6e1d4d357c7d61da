package org.axdse.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal client of Chromium's DevTools protocol, enough to drive one page: headless Chromium listens on a
 * loopback port (chosen by the browser, read from {@code DevToolsActivePort}), and commands go over the JDK's
 * WebSocket client. No driver or extra library is needed.
 */
final class DevTools implements AutoCloseable {
  private static final long WAIT_SECONDS = 60;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Process process;
  private WebSocket socket;

  private DevTools(Process process) {
    this.process = process;
  }

  /** Starts {@code browser} headless with a blank page of {@code width} x {@code height} and connects to it. */
  static DevTools launch(String browser, Path profile, Path log, int width, int height) throws Exception {
    List<String> cmd = Chromium.command(browser, profile);
    cmd.addAll(List.of("--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--window-size=" + width + "," + height, "about:blank"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    DevTools tools = new DevTools(p);
    try {
      tools.connect(port(profile.resolve("DevToolsActivePort"), p));
      return tools;
    } catch (Exception | AssertionError e) {
      tools.close();
      throw e;
    }
  }

  private static int port(Path file, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() >= 2) {
          return Integer.parseInt(lines.get(0).strip());
        }
      }
      if (!p.isAlive()) {
        throw new AssertionError("chromium exited with " + p.exitValue() + " before listening");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("chromium wrote no " + file + " within " + WAIT_SECONDS + " s");
  }

  private void connect(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String url = null;
    for (JsonNode target : json.readTree(list)) {
      if ("page".equals(target.path("type").asText())) {
        url = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (url == null) {
      throw new AssertionError("no page target in " + list);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Sends one command and returns its {@code result}; a protocol error fails the test. */
  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("method", method);
    message.put("params", params);
    socket.sendText(json.writeValueAsString(message), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
    JsonNode reply = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** The value of a JavaScript expression in the page (JSON-serialisable values only). */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new AssertionError("script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Evaluates {@code condition} every 100 ms until it is true; fails after a minute. */
  void await(String condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!evaluate(condition).asBoolean(false)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never true: " + condition);
      }
      Thread.sleep(100);
    }
  }

  /** A PNG screenshot of the viewport. */
  byte[] screenshot() throws Exception {
    return Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png")).path("data")
        .asText());
  }

  /** Moves the pointer to viewport coordinates (CSS pixels). */
  void moveMouse(double x, double y) throws Exception {
    call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
  }

  @Override
  public void close() throws InterruptedException {
    if (socket != null) {
      socket.abort();
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = json.readTree(text.toString());
          CompletableFuture<JsonNode> answer = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
          if (answer != null) {
            answer.complete(message);
          }
        } catch (Exception e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
