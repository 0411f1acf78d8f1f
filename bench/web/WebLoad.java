import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The load of bench/web/run: REQUESTS predict requests of ROWS rows each, from CLIENTS concurrent
 * clients on loopback, against a saved model of the web console; prints throughput, latency
 * percentiles and errors. Rows are Fashion-MNIST test images (pixels / 255, as the model was
 * trained), named by the model's columns.
 *
 * <pre>java WebLoad.java BASE TOKEN MODEL IMAGES.gz ROWS REQUESTS CLIENTS [arrays]</pre>
 *
 * With {@code arrays}, rows are arrays under one list of column names, else objects by column name.
 */
public final class WebLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String model = args[2];
        Path images = Path.of(args[3]);
        int rows = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);
        int clients = Integer.parseInt(args[6]);
        boolean arrays = args.length > 7 && args[7].equals("arrays");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> columns = columns(http.send(HttpRequest.newBuilder(URI.create(base + "/api/models/" + model)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        double[][] pixels = images(images, 1000, columns.size());
        // 50 different bodies of ROWS rows, taken in turn
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < 50; b++) {
            StringBuilder s = new StringBuilder("{");
            if (arrays) {
                s.append("\"columns\":[\"").append(String.join("\",\"", columns)).append("\"],");
            }
            s.append("\"rows\":[");
            for (int r = 0; r < rows; r++) {
                double[] image = pixels[(b * rows + r) % pixels.length];
                s.append(r > 0 ? "," : "").append(arrays ? '[' : '{');
                for (int p = 0; p < image.length; p++) {
                    s.append(p > 0 ? "," : "");
                    if (!arrays) {
                        s.append('"').append(columns.get(p)).append("\":");
                    }
                    s.append(image[p]);
                }
                s.append(arrays ? ']' : '}');
            }
            bodies.add(s.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        URI predict = URI.create(base + "/api/models/" + model + "/predict");
        run(http, predict, token, bodies, Math.max(200, requests / 10), clients, rows, arrays, false); // warm-up
        run(http, predict, token, bodies, requests, clients, rows, arrays, true);
    }

    private static void run(HttpClient http, URI predict, String token, List<byte[]> bodies, int requests, int clients, int rows,
                            boolean arrays, boolean report) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(predict).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 || !response.body().startsWith("{\"model\"")) {
                                errors.incrementAndGet();
                                synchronized (firstErrors) {
                                    if (firstErrors.size() < 3) {
                                        firstErrors.add(response.statusCode() + " " + response.body());
                                    }
                                }
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            synchronized (firstErrors) {
                                if (firstErrors.size() < 3) {
                                    firstErrors.add(e.toString());
                                }
                            }
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            client.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%d requests of %d row%s%s, %d clients: %.0f requests/s, %.0f rows/s; latency p50 %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms; errors %d (%.1f s)%n",
                requests, rows, rows == 1 ? "" : "s", arrays ? " as arrays" : "", clients,
                requests / seconds, requests * (double) rows / seconds, ms(latencies, 0.50), ms(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6, errors.get(), seconds);
        firstErrors.forEach(e -> System.out.println("  error: " + e.substring(0, Math.min(300, e.length()))));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** The model's column names, from GET /api/models/{name}. */
    private static List<String> columns(String model) {
        int from = model.indexOf("\"columns\":[");
        int to = model.indexOf(",\"features\":");
        if (from < 0 || to < from) {
            throw new IllegalStateException("no columns in " + model.substring(0, Math.min(200, model.length())));
        }
        String section = model.substring(from, to);
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"name\":\"([^\"]*)\"").matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The first COUNT images of an IDX images file (gzip), pixels / 255. */
    private static double[][] images(Path file, int count, int pixels) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            if (in.readInt() != 0x803) {
                throw new IOException(file + " is not an IDX images file");
            }
            int n = Math.min(count, in.readInt());
            int size = in.readInt() * in.readInt();
            if (size != pixels) {
                throw new IOException(file + " has " + size + " pixels per image, the model " + pixels + " columns");
            }
            double[][] images = new double[n][size];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < size; p++) {
                    images[i][p] = in.readUnsignedByte() / 255.0;
                }
            }
            return images;
        }
    }
}
